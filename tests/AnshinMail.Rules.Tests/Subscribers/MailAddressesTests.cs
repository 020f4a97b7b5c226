using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Subscribers;
using AnshinMail.Rules.Tests.Delivery;
using AnshinMail.Rules.Tests.Workflow;

namespace AnshinMail.Rules.Tests.Subscribers;

/// <summary>T5: addresses Japanese carriers issued before RFC 5322 was enforced are accepted and delivered.</summary>
public sealed class MailAddressesTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("taro.@docomo.ne.jp", "\"taro.\"@docomo.ne.jp")]
    [InlineData("a..b@ezweb.ne.jp", "\"a..b\"@ezweb.ne.jp")]
    [InlineData("hanako@example.jp", "hanako@example.jp")]
    [InlineData(" x.y-z_1@softbank.ne.jp ", "x.y-z_1@softbank.ne.jp")]
    public void T5_CarrierAddressesAreAccepted_AndQuotedOnlyWhereSmtpNeedsIt(string typed, string envelope)
    {
        var stored = MailAddresses.Normalize(typed);
        Assert.Equal(typed.Trim(), stored);
        Assert.Equal(envelope, MailAddresses.Envelope(stored!));
        Assert.Equal(envelope, MailAddresses.Mailbox(stored!).Address);
        Assert.Equal(stored, MailAddresses.Unquote(envelope)); // as the inbound listener reads the envelope
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("@docomo.ne.jp")]
    [InlineData("taro@localhost")]
    [InlineData("Taro <taro@example.jp>")]
    [InlineData("ta ro@example.jp")]
    [InlineData("taro@exa mple.jp")]
    [InlineData("<taro>@example.jp")]
    [InlineData("taro@example.jp, jiro@example.jp")]
    public void T5_WhatIsNotAnAddressIsStillRefused(string typed) => Assert.Null(MailAddresses.Normalize(typed));

    [Fact]
    public async Task T5_AlertsReachCarrierAddressesThroughARealSmtpServer()
    {
        await using (var db = _f.Open())
        {
            _f.Subscribe(db, "taro.@docomo.ne.jp");
            _f.Subscribe(db, "a..b@ezweb.ne.jp");
            await db.SaveChangesAsync();
        }
        await using var smtp = new TestSmtpServer().Start();
        var options = new DeliveryOptions { Transport = "smtp", Host = "127.0.0.1", Port = smtp.Port };
        await _f.SentAlert();
        await _f.Runner(MailTransports.Create(options), options).RunOnceAsync();
        var to = smtp.Accepted.Select(m => Assert.Single(m.To.Mailboxes).Address).Order().ToList();
        Assert.Equal(["\"a..b\"@ezweb.ne.jp", "\"taro.\"@docomo.ne.jp"], to);
        await using var check = _f.Open();
        Assert.Empty(check.DeliveryFailures);
    }

    [Theory]
    [InlineData("MAIL FROM:<taro.@docomo.ne.jp>\r\n", "MAIL FROM:<\"taro.\"@docomo.ne.jp>\r\n")]
    [InlineData("RCPT TO:<a..b@ezweb.ne.jp> NOTIFY=NEVER\r\n", "RCPT TO:<\"a..b\"@ezweb.ne.jp> NOTIFY=NEVER\r\n")]
    [InlineData("mail from: <x.@docomo.ne.jp> SIZE=10\r\n", "mail from: <\"x.\"@docomo.ne.jp> SIZE=10\r\n")]
    [InlineData("MAIL FROM:<hanako@example.jp>\r\n", "MAIL FROM:<hanako@example.jp>\r\n")]
    [InlineData("MAIL FROM:<>\r\n", "MAIL FROM:<>\r\n")]
    [InlineData("MAIL FROM:<\"taro.\"@docomo.ne.jp>\r\n", "MAIL FROM:<\"taro.\"@docomo.ne.jp>\r\n")]
    [InlineData("EHLO relay.example.jp\r\n", "EHLO relay.example.jp\r\n")]
    public void T5_TheInboundListenerQuotesPreRfcLocalPartsInTheEnvelopeOnly(string line, string expected) =>
        Assert.Equal(expected, System.Text.Encoding.Latin1.GetString(QuotingPipe.Quote(System.Text.Encoding.Latin1.GetBytes(line))));
}
