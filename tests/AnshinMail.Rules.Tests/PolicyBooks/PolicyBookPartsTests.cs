using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests.PolicyBooks;

/// <summary>
/// The book's parts the policy decides with, tested on the parts themselves (issue 17: before, only the policy
/// tests reached them): a category's victim conditions on both sides of each bound (Y8), a neighbour's border
/// areas (Y11.4), which units count as headquarters (T3(2)) and a category's CAP settings (T4).
/// </summary>
public class PolicyBookPartsTests
{
    private static readonly VictimConstraint Women = new() { MinAge = 19, MaxAge = 64, Sex = Sex.Female };

    [Theory]
    [InlineData(19, Sex.Female, true)]
    [InlineData(18, Sex.Female, false)]
    [InlineData(64, Sex.Female, true)]
    [InlineData(65, Sex.Female, false)]
    [InlineData(30, Sex.Male, false)]
    [InlineData(30, null, false)]
    [InlineData(null, Sex.Female, false)]
    public void Y8_AVictimCondition_AdmitsOnlyInsideEachBound(int? age, Sex? sex, bool admitted) =>
        Assert.Equal(admitted, Women.Admits(age, sex));

    [Theory]
    [InlineData(null, null)]
    [InlineData(40, Sex.Male)]
    public void Y8_NoConditions_AdmitsAnyone(int? age, Sex? sex) =>
        Assert.True(new VictimConstraint().Admits(age, sex));

    [Theory]
    [InlineData(null, true)]
    [InlineData("信濃町", true)]
    [InlineData("飯綱町", false)]
    public void Y11_4_ANeighbourWithBorderAreas_BordersOnlyThose_OrAnUnknownPlace(string? area, bool borders) =>
        Assert.Equal(borders, new Neighbour { Unit = "iiyama", BorderAreas = ["信濃町"] }.Borders(area));

    [Fact]
    public void Y11_4_ANeighbourWithoutBorderAreas_BordersEverywhere() =>
        Assert.True(new Neighbour { Unit = "kiso", BorderAreas = [] }.Borders("飯綱町"));

    [Fact]
    public void T3_2_DivisionsAndTheDutyDesk_AreHeadquarters_StationsAreNot()
    {
        var book = TestBook.Book;
        Assert.All(book.Stations, s => Assert.False(s.IsHq));
        Assert.All(book.Units.Where(u => u.Kind != UnitKind.Station), u => Assert.True(u.IsHq));
        Assert.True(book.Unit(book.Offices.DutyDeskUnit).IsHq);
    }

    [Fact]
    public void T4_ACategorysCapInfo_IsItsOwnCapSettings()
    {
        foreach (var c in TestBook.Book.Categories)
            Assert.Equal((c.CapResponseType, c.CapUrgency, c.CapSeverity, c.CapCertainty, c.CapInstruction),
                (c.CapInfo.ResponseType, c.CapInfo.Urgency, c.CapInfo.Severity, c.CapInfo.Certainty,
                    c.CapInfo.Instruction));
    }
}
