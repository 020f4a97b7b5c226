using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Templates;
using MimeKit;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// T5: notices to residents come from the book's templates (notices/*.sbn) and the one message factory, so
/// they carry the configured charset, the sender, Auto-Submitted and a Date in the book's zone like alerts do.
/// </summary>
public sealed class NoticeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);
    private static readonly NoticeRenderer Notices = new(TestBook.Book);

    [Fact]
    public void T5_EachNotice_RendersItsSubjectAndLink_FromTheTemplates()
    {
        var model = new NoticeModel(TestBook.Book.SystemName, "https://example.jp/subscribe/confirm/abc", 48);
        var confirmation = Notices.Render(Notice.Confirmation, model);
        Assert.Equal($"【{TestBook.Book.SystemName}】登録の確認", confirmation.Subject);
        Assert.Contains("https://example.jp/subscribe/confirm/abc", confirmation.Body);
        Assert.Contains("48時間有効・1回限り", confirmation.Body);
        Assert.Contains("すでに登録されています", Notices.Render(Notice.AlreadyRegistered, model).Subject);
        Assert.Contains("登録のご案内", Notices.Render(Notice.RegistrationStart, model).Subject);
    }

    [Fact]
    public void T5_AnURLThatLooksLikeTemplateCode_StaysText()
    {
        var model = new NoticeModel("{{ system_name }}", "https://example.jp/{{ 1 + 1 }}", 48);
        var text = Notices.Render(Notice.Confirmation, model);
        Assert.Contains("https://example.jp/{{ 1 + 1 }}", text.Body);
        Assert.Contains("{{ system_name }}", text.Subject);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("iso-2022-jp")]
    public void T5_ANoticeIsBuiltLikeAnAlert_CharsetSenderAutoSubmittedAndJapanTime(string charset)
    {
        var factory = new AlertMessageFactory(TestBook.Book, new DeliveryOptions { Charset = charset });
        var text = Notices.Render(Notice.RegistrationStart, new NoticeModel("安心メール", "https://example.jp/s/x", 48));
        using var built = factory.BuildNotice("taro@example.jp", text, "auto-replied", At);
        using var stream = new MemoryStream();
        built.WriteTo(stream);
        stream.Position = 0;
        using var m = MimeMessage.Load(stream);
        Assert.Equal(text.Subject, m.Subject);
        Assert.Equal(TestBook.Book.Sender.Address, m.From.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", m.Headers["Auto-Submitted"]);
        Assert.Equal(TimeSpan.FromHours(9), m.Date.Offset);
        var body = Assert.IsType<TextPart>(m.Body);
        Assert.Equal(charset, body.ContentType.Charset, ignoreCase: true);
        Assert.Contains("https://example.jp/s/x", body.Text);
    }
}
