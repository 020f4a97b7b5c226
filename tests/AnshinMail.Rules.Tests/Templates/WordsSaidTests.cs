using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Tests.Arbitraries;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Templates;

/// <summary>T3(1): the child-safety template quotes 声かけ等の文言 itself; whatever staff type, it is quoted once.</summary>
public class WordsSaidTests
{
    private const string Before = "\n行為者は「";
    private const string After = "」などと話しかけてきました。\n";
    private static readonly MessageModelBuilder Models = new(TestBook.Book, TestBook.Calendar);

    /// <summary>Brackets and quotes of every kind, open or closed, blanks, words: in any mix.</summary>
    private static Gen<string> BracketText =>
        Gen.Elements("「", "」", "『", "』", "\"", "“", "”", "＂", " ", "　", "\t", "お菓子", "a", "{{", "」「", "end")
            .ListOf().Select(parts => string.Concat(parts));

    private static Gen<string> Typed => Gen.OneOf(BracketText, PolicyArbitraries.FreeText);

    /// <summary>The words as the child-safety message prints them (the story does not quote them).</summary>
    private static string? Printed(string typed)
    {
        var fields = Fields with { WhatHappened = "男から声をかけられました。", WordsSaid = typed };
        var body = TestBook.Renderer.Render("child-safety", Models.For(Draft(fields: fields))).Body;
        var start = body.IndexOf(Before, StringComparison.Ordinal);
        if (start < 0) return null;
        start += Before.Length;
        return body[start..body.IndexOf(After, start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("「お菓子をあげるから車に乗らない」")]
    [InlineData("『お菓子をあげるから車に乗らない』")]
    [InlineData("\"お菓子をあげるから車に乗らない\"")]
    [InlineData("“お菓子をあげるから車に乗らない”")]
    [InlineData("　「『お菓子をあげるから車に乗らない』」 ")]
    public void T3_1_BracketsTypedAroundTheWords_AreTakenOff_InTheMessage_NotInTheDraft(string typed)
    {
        var fields = Fields with { WordsSaid = typed };
        var draft = Draft(fields: fields);
        var m = TestBook.Renderer.Render("child-safety", Models.For(draft));

        Assert.Contains("\n行為者は「お菓子をあげるから車に乗らない」などと話しかけてきました。\n", m.Body);
        Assert.Equal(typed, draft.Fields.WordsSaid);
        var crime = TestBook.Renderer.Render("crime-prevention", Models.For(Draft("crime-prevention", fields: fields)));
        Assert.Contains("\n「お菓子をあげるから車に乗らない」\n", crime.Body);
    }

    [Fact]
    public void T3_1_WordsThatTheStoryAlreadyQuotes_AreNotPrintedTwice()
    {
        var fields = Fields with
        {
            WhatHappened = "下校中の女子児童が、男から「お菓子をあげるから車に乗らない」と声をかけられました。",
            WordsSaid = "「お菓子をあげるから車に乗らない」",
        };
        var m = TestBook.Renderer.Render("child-safety", Models.For(Draft(fields: fields)));

        Assert.Single(m.Body.Split("お菓子をあげるから車に乗らない")[1..]);
        Assert.DoesNotContain("などと話しかけてきました", m.Body);
    }

    [Fact]
    public void T3_1_WordsTheStoryDoesNotQuote_AreStillPrinted()
    {
        var fields = Fields with { WhatHappened = "男から声をかけられました。", WordsSaid = "お菓子" };
        var m = TestBook.Renderer.Render("child-safety", Models.For(Draft(fields: fields)));
        Assert.Contains("行為者は「お菓子」などと話しかけてきました。", m.Body);
    }

    private static bool OuterPair(string s) =>
        s.Length >= 2 && WordsSaidText.Pairs.Any(p => s[0] == p.Open && s[^1] == p.Close);

    [Property(MaxTest = 500)]
    public Property T3_1_AnyTypedWords_AreQuotedOnce_AndOnlyTheirEdgesAreTaken() =>
        Prop.ForAll(Typed.ToArbitrary(), typed =>
        {
            var words = WordsSaidText.Unquote(typed);
            var printed = Printed(typed);
            return (!OuterPair(words) && words == words.Trim() && typed.Contains(words, StringComparison.Ordinal)
                    && printed == (words.Length > 0 ? words : null))
                .Label($"typed: [{typed}] words: [{words}] printed: [{printed}]");
        });

    [Property(MaxTest = 500)]
    public Property T3_1_WordsInAnyStackOfTypedPairs_ComeOutAsTheyWereInside()
    {
        // The inner text starts and ends with neither a blank nor a bracket; inside, anything.
        var gen = from first in Gen.Elements("お", "a", "{{", "9", "😀")
                  from middle in Gen.OneOf(BracketText, Gen.Constant(""))
                  from last in Gen.Elements("い", "Z", "}}", "？")
                  from depth in Gen.Choose(0, 3)
                  from pairs in Gen.ListOf(Gen.Elements(WordsSaidText.Pairs.ToArray()))
                      .Select(l => l.Take(depth).ToList())
                  from blank in Gen.Elements("", " ", "　")
                  select (inner: first + middle + last, pairs, blank);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var typed = x.pairs.Aggregate(x.inner, (s, p) => x.blank + p.Open + s + p.Close + x.blank);
            var printed = Printed(typed);
            return (WordsSaidText.Unquote(typed) == x.inner && printed == x.inner && !printed.StartsWith('「'))
                .Label($"typed: [{typed}] printed: [{printed}]");
        });
    }
}
