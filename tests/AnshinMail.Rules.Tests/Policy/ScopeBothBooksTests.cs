using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>T3(2), Y11.4 over both books of rules/: areas outside the own jurisdiction go to the division in charge
/// by day and the book's duty desk at night; units and areas are picked from the book.</summary>
public class ScopeBothBooksTests
{
    public static TheoryData<string> Books => BookCases.Both;

    [Theory]
    [MemberData(nameof(Books))]
    public void T3_2_OwnJurisdictionOnly_NeedsNoRequest(string name)
    {
        var b = BookCases.Named(name);
        var own = b.Station.Jurisdiction.ToArray();
        var v = b.Preview(b.Draft(areas: own));
        Assert.Null(v.DistributionRequest);
        Assert.Equal(own, v.SendAreas);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void T3_2_OutsideArea_RequestToTheCategorysDivision_ByDay(string name)
    {
        var b = BookCases.Named(name);
        var v = b.Preview(b.Draft(areas: [b.Area, b.FarArea]));
        Assert.Equal(b.ChildCategory.DivisionInCharge, v.DistributionRequest!.ToUnit);
        Assert.Equal([b.FarArea], v.DistributionRequest.Areas);
        Assert.Equal([b.Area], v.SendAreas);
        var other = b.Preview(b.Draft(b.WarningCategory, areas: [b.Area, b.FarArea]));
        Assert.Equal(b.WarningCategory.DivisionInCharge, other.DistributionRequest!.ToUnit);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void T3_2_OutsideArea_RequestToTheDutyDesk_WhenTheDutySystemIsInForce(string name)
    {
        var b = BookCases.Named(name);
        var evening = BookCases.On(2026, 11, 27, b.Book.DutySystem.WeekdayStart);
        Assert.True(b.Calendar.DutySystem.IsInForce(evening));
        var v = b.Preview(b.Draft(areas: [b.Area, b.FarArea]), evening);
        Assert.Equal(b.Book.Offices.DutyDeskUnit, v.DistributionRequest!.ToUnit);
        var before = b.Preview(b.Draft(areas: [b.Area, b.FarArea]), evening.AddSeconds(-1));
        Assert.Equal(b.ChildCategory.DivisionInCharge, before.DistributionRequest!.ToUnit);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void T3_2_OnlyOutsideAreas_BlocksOwnSending_UnknownAreaBlocks(string name)
    {
        var b = BookCases.Named(name);
        Assert.True(b.Preview(b.Draft(areas: [b.FarArea])).Has("scope.no-own-area"));
        Assert.True(b.Preview(b.Draft(areas: [b.Area, "東京都"])).Has("scope.unknown-area"));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void T3_2_HqDivision_MayTargetAnyArea(string name)
    {
        var b = BookCases.Named(name);
        var all = b.Book.AllAreas.ToArray();
        var hq = b.WarningCategory.DivisionInCharge;
        var v = b.Preview(b.Draft(b.WarningCategory, unit: hq, areas: all), WorkingHours);
        Assert.Null(v.DistributionRequest);
        Assert.Equal(all.Length, v.SendAreas.Count);
        Assert.False(v.Blocked, string.Join("\n", v.Blocks));
    }
}
