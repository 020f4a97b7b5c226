using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y8 over both books of rules/: the victim fits the category, with the bounds and names read from the book
/// (Nagano: 18 and under, women 19 and over; the sample book: 15 and under, women 16 and over).</summary>
public class CategoryFitBothBooksTests
{
    public static TheoryData<string> Books => BookCases.Both;

    private static PolicyVerdict Preview(BookCases b, CategoryDefinition c, int? age, Sex? sex) =>
        b.Preview(b.Draft(c, victim: new Victim(age, sex)));

    [Theory]
    [MemberData(nameof(Books))]
    public void Y8_VictimsAtTheBounds_Pass(string name)
    {
        var b = BookCases.Named(name);
        var child = b.ChildCategory;
        var women = b.WomenCategory;
        Assert.DoesNotContain(Preview(b, child, child.Victim!.MaxAge, Sex.Male).Findings, f => f.Clause == "Y8");
        Assert.DoesNotContain(Preview(b, child, 0, null).Findings, f => f.Clause == "Y8");
        Assert.DoesNotContain(Preview(b, women, women.Victim!.MinAge, Sex.Female).Findings, f => f.Clause == "Y8");
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y8_ChildCategoryOverItsBound_BlocksAndNamesTheWomensCategory(string name)
    {
        var b = BookCases.Named(name);
        var age = b.ChildCategory.Victim!.MaxAge!.Value + 1;
        Assert.True(b.WomenCategory.Victim!.Admits(age, Sex.Female), "the books leave no gap between the bounds");
        var block = Assert.Single(Preview(b, b.ChildCategory, age, Sex.Female).Blocks,
            f => f.Code == "category.victim-mismatch");
        Assert.Equal("Y8", block.Clause);
        Assert.Contains($"「{b.WomenCategory.Name}」", block.Message);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y8_WomensCategoryUnderItsBound_BlocksAndNamesTheChildCategory(string name)
    {
        var b = BookCases.Named(name);
        var age = b.WomenCategory.Victim!.MinAge!.Value - 1;
        var block = Assert.Single(Preview(b, b.WomenCategory, age, Sex.Female).Blocks,
            f => f.Code == "category.victim-mismatch");
        Assert.Contains($"「{b.ChildCategory.Name}」", block.Message);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y8_AdultManUnderWomensCategory_NamesTheFirstOpenCategory(string name)
    {
        var b = BookCases.Named(name);
        var open = b.Book.Categories.First(c => c.Victim is null);
        var block = Assert.Single(Preview(b, b.WomenCategory, 25, Sex.Male).Blocks,
            f => f.Code == "category.victim-mismatch");
        Assert.Contains($"「{open.Name}」", block.Message);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y8_WomensCategoryWithoutSex_AsksForIt(string name)
    {
        var b = BookCases.Named(name);
        var verdict = Preview(b, b.WomenCategory, 30, null);
        Assert.Contains("性別", Assert.Single(verdict.Blocks, f => f.Code == "category.victim-unknown").Message);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y8_ChildUnderTheWarningCategory_WarnsNamingTheChildCategory(string name)
    {
        var b = BookCases.Named(name);
        var verdict = Preview(b, b.WarningCategory, 10, Sex.Male);
        var warning = Assert.Single(verdict.Warnings, f => f.Code == "category.victim-fits-other");
        Assert.Equal("Y8", warning.Clause);
        Assert.StartsWith($"事案が「{b.ChildCategory.Definition}」に当たるときは", warning.Message);
        Assert.Contains($"「{b.ChildCategory.Name}」", warning.Message);
        Assert.False(verdict.Blocked, string.Join("\n", verdict.Blocks));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y8_ChildUnderAPlainCategory_NoWarning(string name)
    {
        var b = BookCases.Named(name);
        Assert.False(Preview(b, b.PlainCategory, 8, Sex.Male).Has("category.victim-fits-other"));
        Assert.False(Preview(b, b.WarningCategory, 45, Sex.Male).Has("category.victim-fits-other"));
    }
}
