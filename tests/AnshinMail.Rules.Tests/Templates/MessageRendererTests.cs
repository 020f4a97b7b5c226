using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Templates;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Templates;

/// <summary>T3(1): one template per category, in the usual Japanese alert structure.</summary>
public class MessageRendererTests
{
    private static readonly MessageModelBuilder Models = new(TestBook.Book, TestBook.Calendar);

    [Fact]
    public void ChildSafety_RendersSubjectDatePlaceWordsPersonAndContact()
    {
        var m = TestBook.Renderer.Render("child-safety", Models.For(Draft()));
        Assert.Equal("【子供安全情報】声かけ事案の発生（長野中央警察署）", m.Subject);
        Assert.Contains("11月26日（木）午後3時30分ころ、長野市大字鶴賀付近で、下校中の女子児童が", m.Body);
        Assert.Contains("「お菓子をあげるから車に乗らない」", m.Body);
        Assert.Contains("・男、40歳くらい", m.Body);
        Assert.Contains("・服装 黒色のジャンパー", m.Body);
        Assert.DoesNotContain("・身長", m.Body);
        Assert.Contains("【問い合わせ先】長野中央警察署　電話 026-000-0101", m.Body);
        Assert.Contains("長野県警察「ライポくん安心メール」", m.Body);
    }

    [Theory]
    [MemberData(nameof(CategoryIds))]
    public void EveryCategory_HasATemplateThatRenders(string category)
    {
        var victim = category == "women-safety" ? new Victim(30, Sex.Female) : null;
        var m = TestBook.Renderer.Render(category, Models.For(Draft(category, victim: victim)));
        Assert.StartsWith("【" + TestBook.Book.Category(category).Name + "】", m.Subject);
        Assert.DoesNotContain("{{", m.Body);
        Assert.Contains("【問い合わせ先】", m.Body);
    }

    public static TheoryData<string> CategoryIds => new(TestBook.Book.Categories.Select(c => c.Id));

    [Fact]
    public void Resolution_ReferencesTheOriginal()
    {
        var original = Models.Original("【子供安全情報】声かけ事案の発生（長野中央警察署）", Jst(2026, 11, 26, 18, 5));
        var m = TestBook.Renderer.RenderResolution(Models.For(Draft(fields: new AlertFields { Headline = "声かけ事案の解決" }), FollowUpKind.Resolution, original));
        Assert.Equal("【子供安全情報・解除】声かけ事案の解決（長野中央警察署）", m.Subject);
        Assert.Contains("11月26日（木）午後6時5分に配信した「【子供安全情報】声かけ事案の発生（長野中央警察署）」の解除情報です。", m.Body);
    }

    [Fact]
    public void Correction_SaysWhichKind()
    {
        var original = Models.Original("件名", Jst(2026, 11, 26, 12));
        var m = TestBook.Renderer.RenderCorrection(Models.For(Draft(fields: new AlertFields { Headline = "場所の訂正", WhatHappened = "場所は長野市大字南長野でした。" }), FollowUpKind.Correction, original));
        Assert.Equal("【子供安全情報・修正】場所の訂正（長野中央警察署）", m.Subject);
        Assert.Contains("次のとおり修正します。", m.Body);
    }

    [Fact]
    public void UserTypedTemplateCode_AppearsLiterally()
    {
        var evil = Fields with { WhatHappened = "{{ prefecture }}{{ for x in 1..1000000 }}x{{ end }}<script>" };
        var m = TestBook.Renderer.Render("child-safety", Models.For(Draft(fields: evil)));
        Assert.Contains("{{ prefecture }}{{ for x in 1..1000000 }}x{{ end }}<script>", m.Body);
    }

    [Fact]
    public void T3_3_ContactIsTheRequestingUnit_WhenSentOnRequest()
    {
        var draft = Draft("crime-prevention", unit: "seikatsu-anzen-kikaku") with { RequestingUnit = TestBook.Book.Unit("suzaka") };
        var m = TestBook.Renderer.Render("crime-prevention", Models.For(draft));
        Assert.Contains("【問い合わせ先】須坂警察署", m.Body);
    }

    [Theory]
    [InlineData(0, 0, "午前0時")]
    [InlineData(0, 30, "午前0時30分")]
    [InlineData(12, 0, "午後0時")]
    [InlineData(15, 30, "午後3時30分")]
    [InlineData(23, 59, "午後11時59分")]
    public void JapaneseTime(int h, int m, string expected) =>
        Assert.Equal(expected, JapaneseDateText.Time(Jst(2026, 11, 27, h, m)));

    [Fact]
    public void JapaneseDate_IsInJapanTime_WhateverTheOffset() =>
        // 2026-11-27T20:00Z is Saturday 28 Nov, 05:00 in Japan.
        Assert.Equal("11月28日（土）午前5時", JapaneseDateText.DateTime(TestBook.Calendar.ToLocal(new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void BrokenTemplate_FailsAtStart_NamingTheFile()
    {
        var dir = CopyOfTemplates();
        File.WriteAllText(Path.Combine(dir.FullName, "notice.sbn"), "【{{ category }}】{{ if }}\n");
        var book = TestBook.Book with { Templates = dir.FullName };
        var e = Assert.Throws<TemplateException>(() => new MessageRenderer(book));
        Assert.EndsWith("notice.sbn", e.File);
    }

    [Fact]
    public void UnknownVariableInTemplate_FailsInsteadOfPrintingNothing()
    {
        var dir = CopyOfTemplates();
        File.WriteAllText(Path.Combine(dir.FullName, "notice.sbn"), "【{{ category }}】{{ victim_name }}\n");
        var renderer = new MessageRenderer(TestBook.Book with { Templates = dir.FullName });
        Assert.Throws<TemplateException>(() => renderer.Render("notice", Models.For(Draft("notice"))));
    }

    private static DirectoryInfo CopyOfTemplates()
    {
        var dir = Directory.CreateTempSubdirectory("anshin-tpl-");
        foreach (var f in Directory.GetFiles(Path.Combine(TestBook.RepositoryRoot, "templates")))
            File.Copy(f, Path.Combine(dir.FullName, Path.GetFileName(f)));
        return dir;
    }
}
