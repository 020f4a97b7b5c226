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

    /// <summary>Y8 both ways: a child or a woman entered under 防犯情報 gets a warning naming the category from the
    /// book (not a block: the writer may know better).</summary>
    [Theory]
    [InlineData(10, Sex.Male, "child-safety")]
    [InlineData(17, Sex.Female, "child-safety")]
    [InlineData(19, Sex.Female, "women-safety")]
    [InlineData(70, Sex.Female, "women-safety")]
    public void Y8_ChildOrWomanUnderCrimePrevention_WarnsNamingTheirCategory(int age, Sex sex, string fits)
    {
        var verdict = Preview(Draft("crime-prevention", victim: new Victim(age, sex)));
        var warning = Assert.Single(verdict.Warnings, f => f.Code == "category.victim-fits-other");
        Assert.Equal("Y8", warning.Clause);
        Assert.Contains($"「{TestBook.Book.Category(fits).Name}」", warning.Message);
        // The case's kind decides, not the victim alone: the definition first, and leave it if it does not fit.
        Assert.StartsWith($"事案が「{TestBook.Book.Category(fits).Definition}」に当たるときは", warning.Message);
        Assert.Contains("当たらないときは、このままで構いません", warning.Message);
        Assert.False(verdict.Blocked, string.Join("\n", verdict.Blocks));
    }

    [Theory]
    [InlineData(45, Sex.Male)]
    [InlineData(30, null)]
    [InlineData(null, Sex.Female)]
    public void Y8_AdultManOrUnknownVictimUnderCrimePrevention_NoWarning(int? age, Sex? sex) =>
        Assert.False(Preview(Draft("crime-prevention", victim: new Victim(age, sex))).Has("category.victim-fits-other"));

    /// <summary>Y8: the warning is the book's choice per category: a child in a traffic accident is 交通安全情報.</summary>
    [Fact]
    public void Y8_ChildUnderTrafficSafety_NoWarning_TheBookDoesNotAskForIt()
    {
        Assert.False(TestBook.Book.Category("traffic-safety").VictimFitWarning);
        Assert.False(Preview(Draft("traffic-safety", victim: new Victim(8, Sex.Male))).Has("category.victim-fits-other"));
    }

    /// <summary>Y8: a victim who fits passes with no Y8 finding at all (neither block nor warning).</summary>
    [Theory]
    [InlineData("child-safety", 18, Sex.Female)]
    [InlineData("child-safety", 0, null)]
    [InlineData("women-safety", 19, Sex.Female)]
    [InlineData("crime-prevention", 40, Sex.Male)]
    public void Y8_CorrectVictim_PassesWithoutABlock(string category, int age, Sex? sex)
    {
        var verdict = Preview(Draft(category, victim: new Victim(age, sex)));
        Assert.DoesNotContain(verdict.Findings, f => f.Clause == "Y8");
        Assert.False(verdict.Blocked, string.Join("\n", verdict.Blocks));
    }

    /// <summary>Y8: 子供安全情報 names no sex, so an adult of unknown sex is still the wrong category.</summary>
    [Fact]
    public void Y8_AdultOfUnknownSexUnderChildSafety_IsBlocked()
    {
        var verdict = Preview(Draft("child-safety", victim: new Victim(30, null)));
        Assert.Contains("「防犯情報」", Assert.Single(verdict.Blocks, f => f.Code == "category.victim-mismatch").Message);
    }

    /// <summary>Y8: a woman without an age under 女性安全情報 is asked for the age, not told she is the wrong
    /// category.</summary>
    [Fact]
    public void Y8_WomanWithoutAgeUnderWomenSafety_IsAskedForTheAge_NotRedirected()
    {
        var verdict = Preview(Draft("women-safety", victim: new Victim(null, Sex.Female)));
        Assert.True(verdict.Has("category.victim-unknown"));
        Assert.False(verdict.Has("category.victim-mismatch"));
    }
}
