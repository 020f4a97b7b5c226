using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Drafts;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Y9.1: a draft holds only text every reader and every feed can carry; the refusal names the field.</summary>
public class DraftValidationTests
{
    private static DraftInput Input(AlertFields fields) =>
        new() { CategoryId = "child-safety", Fields = fields, TargetAreas = ["長野市北部"] };

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0001)]
    [InlineData(0x001B)]
    [InlineData(0x007F)]
    [InlineData(0x0085)]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0x202A)]
    [InlineData(0x202E)]
    [InlineData(0x2066)]
    [InlineData(0x2069)]
    [InlineData(0xD800)]
    public void Y9_1_UnusableCharacter_IsRefused_NamingTheField(int codePoint)
    {
        var c = (char)codePoint;
        var code = $"U+{codePoint:X4}";
        var e = Assert.Throws<PolicyRefusedException>(() =>
            DraftValidation.Validate(TestBook.Book, Input(Fields with { WhatHappened = $"下校中{c}に" })));
        var block = Assert.Single(e.Findings);
        Assert.Equal("draft.control-character", block.Code);
        Assert.Contains("「発生状況」", block.Message);
        Assert.Contains(code, block.Message);
    }

    [Fact]
    public void Y9_1_TheRefusalNamesThePersonField()
    {
        var fields = Fields with { Person = new PersonInvolved { Clothing = "黒\u0007" } };
        var e = Assert.Throws<PolicyRefusedException>(() => DraftValidation.Validate(TestBook.Book, Input(fields)));
        Assert.Contains("「行為者の服装」", e.Message);
    }

    [Fact]
    public void Y9_1_TabsNewlinesEmojiAndJapanese_AreAccepted()
    {
        var fields = Fields with { WhatHappened = "一行目\r\n二行目\tタブ 😀 ｶﾀｶﾅ ‐ 〜" };
        DraftValidation.Validate(TestBook.Book, Input(fields));
    }

    [Theory]
    [InlineData("クマ出没\r\nBcc: x@example.com")]
    [InlineData("クマ出没\n続き")]
    [InlineData("クマ出没\r")]
    public void Y9_1_AHeadlineIsOneLine(string headline)
    {
        var e = Assert.Throws<PolicyRefusedException>(() =>
            DraftValidation.Validate(TestBook.Book, Input(Fields with { Headline = headline })));
        Assert.Equal("draft.headline-line", Assert.Single(e.Findings).Code);
    }

    [Theory]
    [InlineData("刃物を所持\r\nBcc: x@example.jp")]
    [InlineData("刃物を所持\n")]
    public void T4_2_TheHarmReasonIsOneLine(string reason)
    {
        var input = Input(Fields) with { Harm = PhysicalHarm.Other, HarmReason = reason };
        var e = Assert.Throws<PolicyRefusedException>(() => DraftValidation.Validate(TestBook.Book, input));
        var finding = Assert.Single(e.Findings);
        Assert.Equal("draft.harm-reason", finding.Code);
        Assert.Contains("1行", finding.Message);
    }
}
