using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Tests.PolicyBooks;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>
/// T5: the CAP values come from the policy book, per category, and the book refuses any value that is not
/// one of CAP 1.2's (Unknown included: aggregators discourage it), naming the JSON path.
/// </summary>
public class CapBookTests
{
    public static TheoryData<string, string, string> Broken => new()
    {
        { """{ "op": "set", "at": "$.categories[0]", "key": "capUrgency", "value": "Unknown" }""",
            "$.categories[0].capUrgency", "Immediate, Expected, Future, Past" },
        { """{ "op": "set", "at": "$.categories[1]", "key": "capSeverity", "value": "Bad" }""",
            "$.categories[1].capSeverity", "'Bad'" },
        { """{ "op": "set", "at": "$.categories[2]", "key": "capCertainty", "value": "observed" }""",
            "$.categories[2].capCertainty", "'observed'" },
        { """{ "op": "set", "at": "$.categories[3]", "key": "capResponseType", "value": "Run" }""",
            "$.categories[3].capResponseType", "AllClear" },
        { """{ "op": "set", "at": "$.categories[4]", "key": "capExpiresHours", "value": 0 }""",
            "$.categories[4].capExpiresHours", "1以上" },
        { """{ "op": "set", "at": "$.categories[5]", "key": "capInstruction", "value": " " }""",
            "$.categories[5].capInstruction", "空" },
        { """{ "op": "set", "at": "$.capResolution", "key": "urgency", "value": "Unknown" }""",
            "$.capResolution.urgency", "Unknown" },
        { """{ "op": "set", "at": "$.capWithdrawal", "key": "description", "value": "この情報に基づく対応は必要ありません。" }""",
            "$.capWithdrawal.description", "異なる" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void T5_ABookWithABadCapValue_FailsNamingThePath(string edit, string path, string problem)
    {
        var file = BrokenBooks.Write("cap", edit);
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(file));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(problem, e.Problem);
    }

    [Fact]
    public void T5_ABookWithoutCapValues_IsRefused()
    {
        var file = BrokenBooks.Write("no-cap", """{ "op": "remove", "at": "$.categories[0]", "key": "capSeverity" }""");
        Assert.Contains("必須のキーがありません", Assert.Throws<PolicyBookException>(() => PolicyBook.Load(file)).Problem);
        file = BrokenBooks.Write("no-withdrawal", """{ "op": "remove", "at": "$", "key": "capWithdrawal" }""");
        Assert.Contains("必須のキーがありません", Assert.Throws<PolicyBookException>(() => PolicyBook.Load(file)).Problem);
    }

    /// <summary>
    /// The Nagano book: incident categories ask residents to act (Prepare, Avoid) on what was observed, a
    /// resolution is AllClear with nothing left to do (Past), a withdrawal asks for nothing (None).
    /// </summary>
    [Fact]
    public void T5_TheNaganoBook_GivesEveryCategoryItsOwnValues()
    {
        var book = TestBook.Book;
        Assert.Equal(["Prepare", "Avoid", "Avoid", "Monitor", "Prepare", "None"],
            book.Categories.Select(c => c.CapResponseType));
        Assert.All(book.Categories.Where(c => c.ResolutionTracked), c => Assert.Equal("Observed", c.CapCertainty));
        Assert.All(book.Categories, c => Assert.True(c.CapExpiresHours >= 24));
        Assert.Contains("いかのおすし", book.Category("child-safety").CapInstruction);
        Assert.Contains("110番", book.Category("child-safety").CapInstruction);
        Assert.Equal(("AllClear", "Past"), (book.CapResolution.ResponseType, book.CapResolution.Urgency));
        Assert.Equal("None", book.CapWithdrawal.ResponseType);
    }
}
