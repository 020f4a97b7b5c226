using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y8: the victim fits the category; a wrong one names the right category.</summary>
public class CategoryFitTests
{
    [Theory]
    [InlineData("child-safety", 18, Sex.Male)]
    [InlineData("child-safety", 7, Sex.Female)]
    [InlineData("women-safety", 19, Sex.Female)]
    [InlineData("women-safety", 80, Sex.Female)]
    public void Y8_FittingVictim_IsNotBlocked(string category, int age, Sex sex) =>
        Assert.False(Preview(Draft(category, victim: new Victim(age, sex))).Has("category.victim-mismatch"));

    [Theory]
    [InlineData("child-safety", 19, Sex.Female, "女性安全情報")]
    [InlineData("child-safety", 30, Sex.Male, "防犯情報")]
    [InlineData("women-safety", 18, Sex.Female, "子供安全情報")]
    [InlineData("women-safety", 25, Sex.Male, "防犯情報")]
    public void Y8_WrongVictim_BlocksAndNamesRightCategory(string category, int age, Sex sex, string right)
    {
        var verdict = Preview(Draft(category, victim: new Victim(age, sex)));
        var block = Assert.Single(verdict.Blocks, f => f.Code == "category.victim-mismatch");
        Assert.Equal("Y8", block.Clause);
        Assert.Contains($"「{right}」", block.Message);
    }

    [Fact]
    public void Y8_WomenSafetyWithoutSex_AsksForIt()
    {
        var verdict = Preview(Draft("women-safety", victim: new Victim(30, null)));
        Assert.Contains("性別", Assert.Single(verdict.Blocks, f => f.Code == "category.victim-unknown").Message);
    }

    [Fact]
    public void Y8_ChildSafetyWithoutAge_IsBlocked() =>
        Assert.True(Preview(Draft("child-safety", victim: new Victim(null, Sex.Male))).Has("category.victim-unknown"));

    [Fact]
    public void Y8_UnconstrainedCategory_AcceptsAnyVictim() =>
        Assert.False(Preview(Draft("crime-prevention", victim: new Victim(45, Sex.Male))).Blocked);
}
