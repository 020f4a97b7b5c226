using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>T3(2), Y11.4: wide-area alerts go to HQ as a distribution request; neighbours get share requests.</summary>
public class ScopeTests
{
    [Fact]
    public void T3_2_OwnJurisdictionOnly_NeedsNoRequest()
    {
        var v = Preview(Draft(areas: ["長野市北部", "信濃町"]));
        Assert.Null(v.DistributionRequest);
        Assert.Equal(["長野市北部", "信濃町"], v.SendAreas);
    }

    [Fact]
    public void T3_2_OutsideAreas_RequestToDivisionInCharge_InWorkingHours()
    {
        var v = Preview(Draft(areas: ["長野市北部", "松本市", "上田市"]));
        Assert.Equal("jinshin-anzen-shonen", v.DistributionRequest!.ToUnit);
        Assert.Equal(["松本市", "上田市"], v.DistributionRequest.Areas);
        Assert.Equal(["長野市北部"], v.SendAreas);
        Assert.True(v.Has("scope.distribution-request"));
    }

    [Fact]
    public void T3_2_OutsideAreas_RequestToDutyDesk_AtNight() =>
        Assert.Equal("sogo-tochoku", Preview(Draft(areas: ["長野市北部", "松本市"]), Jst(2026, 11, 27, 19)).DistributionRequest!.ToUnit);

    [Fact]
    public void T3_2_CategoryDecidesTheDivision() =>
        Assert.Equal("seikatsu-anzen-kikaku", Preview(Draft("crime-prevention", areas: ["長野市北部", "松本市"])).DistributionRequest!.ToUnit);

    [Fact]
    public void T3_2_OnlyOutsideAreas_BlocksOwnSending() =>
        Assert.True(Preview(Draft(areas: ["松本市"])).Has("scope.no-own-area"));

    [Fact]
    public void T3_2_HqDivision_MayTargetAnyArea()
    {
        var v = Preview(Draft("crime-prevention", unit: "seikatsu-anzen-kikaku", areas: ["松本市", "飯田市", "長野市北部"]));
        Assert.Null(v.DistributionRequest);
        Assert.Equal(3, v.SendAreas.Count);
        Assert.False(v.Blocked);
    }

    [Fact]
    public void T3_2_UnknownArea_IsBlocked() =>
        Assert.True(Preview(Draft(areas: ["長野市北部", "東京都"])).Has("scope.unknown-area"));

    [Fact]
    public void T3_2_NoArea_IsBlocked() => Assert.True(Preview(Draft(areas: [])).Has("scope.unknown-area"));

    [Fact]
    public void Y11_4_NearBorder_SharesWithNeighboursAlongThatBorder() =>
        Assert.Equal(["iiyama", "nakano"], Preview(Draft(nearBorder: true, incidentArea: "信濃町")).ShareRequests.Order());

    [Fact]
    public void Y11_4_NearBorder_UnknownPlace_SharesWithAllNeighbours() =>
        Assert.Equal(TestBook.Book.Unit(Station).Neighbours.Select(n => n.Unit).Order(),
            Preview(Draft(nearBorder: true)).ShareRequests.Order());

    [Fact]
    public void Y11_4_NotNearBorder_SharesWithNobody() => Assert.Empty(Preview(Draft()).ShareRequests);

    [Fact]
    public void Y11_4_OwnAreasOnlyNearTheBorder_TheWriterSeesTheNeighbourSuggestion()
    {
        var v = Preview(Draft(areas: ["信濃町"], nearBorder: true, incidentArea: "信濃町"));
        Assert.Null(v.DistributionRequest);
        var suggestion = Assert.Single(v.Findings, f => f.Code == "scope.share-request");
        Assert.Equal(Severity.Info, suggestion.Severity);
        Assert.Equal("Y11.4", suggestion.Clause);
        Assert.Contains("飯山警察署", suggestion.Message);
        Assert.Contains("中野警察署", suggestion.Message);
    }

    [Fact]
    public void T3_2_TheWriterPicksTheDivisionInCharge_ByDay()
    {
        var v = Preview(Draft(areas: ["長野市北部", "松本市"]) with { DivisionInCharge = "seikatsu-anzen-kikaku" });
        Assert.Equal("seikatsu-anzen-kikaku", v.DistributionRequest!.ToUnit);
        Assert.Equal("seikatsu-anzen-kikaku", v.DistributionRequest.DivisionInCharge);
        Assert.False(v.Blocked);
    }

    [Theory]
    [InlineData(2026, 11, 26, 23)] // a Thursday at 23:00
    [InlineData(2026, 11, 23, 10)] // 勤労感謝の日, a public holiday, in the morning
    public void T3_2_AtNightAndOnHolidays_TheDutyDeskTakesIt_NamingTheDivision(int y, int m, int d, int h)
    {
        var v = Preview(Draft(areas: ["長野市北部", "松本市"]) with { DivisionInCharge = "kotsu-kikaku" }, Jst(y, m, d, h));
        Assert.Equal(TestBook.Book.Offices.DutyDeskUnit, v.DistributionRequest!.ToUnit);
        Assert.Equal("kotsu-kikaku", v.DistributionRequest.DivisionInCharge);
        Assert.Contains("総合当直", v.Findings.Single(f => f.Code == "scope.distribution-request").Message);
    }

    [Theory]
    [InlineData("nagano-minami")]
    [InlineData("sogo-tochoku")]
    [InlineData("no-such-unit")]
    public void T3_2_DivisionInChargeMustBeAnHqDivision(string unit) =>
        Assert.True(Preview(Draft(areas: ["長野市北部", "松本市"]) with { DivisionInCharge = unit }).Has("scope.unknown-division"));
}
