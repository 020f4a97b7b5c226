using AnshinMail.Rules.Templates;

namespace AnshinMail.Rules.Tests.Templates;

/// <summary>T5: the mails about a resident's registration, in the language of the pages the resident used.</summary>
public class NoticeRendererTests
{
    private static readonly NoticeModel Model = new("安心メール", "https://anshin.example.jp/subscribe/confirm/x", 48);

    [Theory]
    [InlineData(Notice.Confirmation, "登録（とうろく）の 確認（かくにん）")]
    [InlineData(Notice.AlreadyRegistered, "もう 登録（とうろく）してあります")]
    [InlineData(Notice.AddressChange, "メールアドレスを 変（か）える 確認（かくにん）")]
    public void T5_EasyNotice_IsTheEasyVariant_OrdinaryByDefault(Notice notice, string easySubject)
    {
        var renderer = new NoticeRenderer(TestBook.Book);
        var easy = renderer.Render(notice, Model, NoticeLanguage.Easy);
        Assert.Equal($"【安心メール】{easySubject}", easy.Subject);
        Assert.Contains(Model.Url, easy.Body);
        var ordinary = renderer.Render(notice, Model);
        Assert.DoesNotContain("（", ordinary.Subject);
        Assert.Equal(ordinary, renderer.Render(notice, Model, NoticeLanguage.Ordinary));
    }

    /// <summary>The empty mail's reply has no page behind it to take a language from: it is ordinary in both.</summary>
    [Fact]
    public void T5_NoticeWithoutEasyVariant_IsTheOrdinaryOne()
    {
        var renderer = new NoticeRenderer(TestBook.Book);
        Assert.Equal(renderer.Render(Notice.RegistrationStart, Model),
            renderer.Render(Notice.RegistrationStart, Model, NoticeLanguage.Easy));
    }

    /// <summary>Another prefecture's templates without the easy folder: the book loads and the ordinary notices go.
    /// </summary>
    [Fact]
    public void T5_TemplatesWithoutEasyNotices_SendTheOrdinaryOnes()
    {
        var dir = Directory.CreateTempSubdirectory("anshin-templates-");
        Directory.CreateDirectory(Path.Combine(dir.FullName, "notices"));
        foreach (var file in Directory.GetFiles(Path.Combine(TestBook.Book.TemplatesDirectory, "notices"), "*.sbn"))
            File.Copy(file, Path.Combine(dir.FullName, "notices", Path.GetFileName(file)));
        var renderer = new NoticeRenderer(TestBook.Book with { Templates = dir.FullName });
        var easy = renderer.Render(Notice.Confirmation, Model, NoticeLanguage.Easy);
        Assert.Equal(new NoticeRenderer(TestBook.Book).Render(Notice.Confirmation, Model), easy);
    }

    [Fact]
    public void T5_AnEasyLinkOpensTheEasyPage() =>
        Assert.Equal("https://x.example/subscribe/confirm/t?easy=1",
            NoticeLinks.In("https://x.example/subscribe/confirm/t", NoticeLanguage.Easy));
}
