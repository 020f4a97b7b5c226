using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y11.1: three confirmations before approval; text that may identify someone is flagged with the match.</summary>
public class PrivacyReviewTests
{
    [Fact]
    public void Y11_1_ApprovalWithoutAllConfirmations_IsBlocked_NamingTheMissing()
    {
        var d = Draft();
        var v = Approve(d, Approval(Distributor(), d, confirmations: new HashSet<string> { "no-investigation-hindrance" }));
        var block = Assert.Single(v.Blocks, f => f.Code == "approval.confirmations-missing");
        Assert.Contains("被害者等が特定されるおそれがない", block.Message);
        Assert.Contains("二次被害", block.Message);
    }

    [Theory]
    [InlineData("詳しくは090-1234-5678まで", "privacy.phone", "090-1234-5678")]
    [InlineData("詳しくは０９０－１２３４－５６７８まで", "privacy.phone", "090-1234-5678")]
    [InlineData("長野市鶴賀1-2-3付近", "privacy.house-number", "1-2-3")]
    [InlineData("大字鶴賀123番地付近", "privacy.house-number", "123番地")]
    [InlineData("中御所5番10号", "privacy.house-number", "5番10号")]
    [InlineData("被害者の山田花子さんが", "privacy.personal-name", "山田花子さん")]
    [InlineData("たろう君が声をかけられ", "privacy.personal-name", "たろう君")]
    [InlineData("鈴木様方の前で", "privacy.personal-name", "鈴木様")]
    [InlineData("城山小学校の児童が", "privacy.school-name", "城山小学校")]
    [InlineData("長野東高校の生徒", "privacy.school-name", "長野東高校")]
    public void Y11_1_RiskyText_WarnsWithMatchedText(string text, string code, string matched)
    {
        var v = Preview(Draft(fields: Fields with { WhatHappened = text }));
        var warning = Assert.Single(v.Warnings, f => f.Code == code);
        Assert.Equal(matched, warning.Matched);
        Assert.Contains(matched, warning.Message);
        Assert.Equal("Y11.1", warning.Clause);
    }

    [Theory]
    [InlineData("不審者を見かけたら長野中央警察署（026-000-0101）へ")]
    [InlineData("知らないおじさんから声をかけられました。")]
    [InlineData("保護者の皆さんはお子さんと話し合ってください。")]
    [InlineData("国道18号付近で、午後3時30分ころ")]
    [InlineData("小学生が下校中")]
    public void Y11_1_OrdinaryText_DoesNotWarn(string text) =>
        Assert.Empty(Preview(Draft(fields: Fields with { WhatHappened = text })).Warnings);

    /// <summary>
    /// A wide-area alert sent by an HQ division at a station's request gives the station's number for information:
    /// that number is the requesting unit's contact, not a victim's, and is not flagged; another station's is.
    /// </summary>
    [Theory]
    [InlineData("026-000-0102", false)]
    [InlineData("026-000-0001", false)]
    [InlineData("026-000-0103", true)]
    public void Y11_1_RequestingUnitsPhone_IsAContact_NotAPrivacyRisk(string phone, bool flagged)
    {
        var book = TestBook.Book;
        var draft = Draft(unit: "seikatsu-anzen-kikaku", category: "crime-prevention",
            fields: Fields with { WhatHappened = $"情報提供は警察署（{phone}）まで。" }) with
        {
            RequestingUnit = book.Unit("nagano-minami"),
        };
        var warnings = Preview(draft).Warnings.Where(f => f.Code == "privacy.phone").ToList();
        Assert.Equal(flagged, warnings.Count == 1);
        if (flagged) Assert.Equal(phone, warnings[0].Matched);
    }
}
