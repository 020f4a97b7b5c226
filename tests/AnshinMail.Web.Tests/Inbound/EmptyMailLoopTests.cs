using System.Globalization;
using MimeKit;

namespace AnshinMail.Web.Tests.Inbound;

/// <summary>
/// T5 空メール登録 and RFC 3834: mail that is itself automatic, comes through a list, or comes from the system's
/// own addresses is never answered, so two responders cannot loop; the reply says it is an automatic response.
/// </summary>
public sealed class EmptyMailLoopTests : IAsyncLifetime
{
    private const string Sender = "anshin-mail@example.jp";
    private readonly WebApp _app = new();
    private readonly InboundClient _inbound = new(AnshinMail.Rules.Tests.Delivery.Ports.Next());

    public Task InitializeAsync()
    {
        _app.Settings["AnshinMail:Inbound:Enabled"] = "true";
        _app.Settings["AnshinMail:Inbound:Port"] = _inbound.Port.ToString(CultureInfo.InvariantCulture);
        _app.Settings["AnshinMail:Delivery:BounceAddress"] = "bounce@example.jp";
        _app.Settings["AnshinMail:Delivery:UnsubscribeAddress"] = "teishi@example.jp";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private List<MimeMessage> RepliesTo(string address) =>
        _app.Smtp.Accepted
            .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("Auto-Submitted", "Auto-Notified; owner-email=\"x@example.jp\"")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "junk")]
    [InlineData("Precedence", "List")]
    [InlineData("List-Id", "<news.example.jp>")]
    [InlineData("List-Unsubscribe", "<mailto:leave@example.jp>")]
    public async Task T5_AutomaticOrListMail_IsNotAnswered(string header, string value)
    {
        _ = _app.Browser();
        var from = $"auto-{Guid.NewGuid():N}@example.jp";
        using var mail = InboundClient.EmptyMail(from);
        mail.Headers.Add(header, value);
        await _inbound.SendAsync(mail);
        Assert.Empty(RepliesTo(from));
    }

    [Theory]
    [InlineData(Sender)]
    [InlineData("ANSHIN-MAIL@example.jp")]
    [InlineData("bounce@example.jp")]
    [InlineData("bounce+1.2.abc@example.jp")]
    [InlineData("teishi@example.jp")]
    [InlineData("MAILER-DAEMON@relay.example.jp")]
    [InlineData("postmaster@relay.example.jp")]
    [InlineData("owner-news@example.jp")]
    [InlineData("news-request@example.jp")]
    public async Task T5_MailFromTheSystemsOwnOrAnAdministrativeAddress_IsNotAnswered(string from)
    {
        _ = _app.Browser();
        using var mail = InboundClient.EmptyMail(from);
        await _inbound.SendAsync(mail);
        Assert.Empty(RepliesTo(from));
    }

    /// <summary>The From header counts too: a relay may put its own envelope sender on mail the system sent.</summary>
    [Fact]
    public async Task T5_MailWhoseFromIsTheSystemsSender_IsNotAnswered()
    {
        _ = _app.Browser();
        using var mail = InboundClient.EmptyMail(Sender);
        await _inbound.SendAsync(mail, envelopeFrom: "relay@example.jp");
        Assert.Empty(RepliesTo("relay@example.jp"));
    }

    [Fact]
    public async Task T5_ANullReturnPath_IsNotAnswered()
    {
        _ = _app.Browser();
        using var mail = InboundClient.EmptyMail("nobody@example.jp");
        await _inbound.SendAsync(mail, envelopeFrom: "");
        Assert.Empty(RepliesTo("nobody@example.jp"));
    }

    [Fact]
    public async Task T5_AnOrdinaryEmptyMail_IsAnsweredAsAnAutomaticReply()
    {
        _ = _app.Browser();
        using var mail = InboundClient.EmptyMail("resident-new@example.jp");
        mail.Headers.Add("Auto-Submitted", "no");
        await _inbound.SendAsync(mail);
        var reply = Assert.Single(RepliesTo("resident-new@example.jp"));
        Assert.Equal("auto-replied", reply.Headers["Auto-Submitted"]);
    }
}
