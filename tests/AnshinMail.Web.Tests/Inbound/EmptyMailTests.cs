using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AnshinMail.Web.Tests.Inbound;

/// <summary>空メール登録: a real SMTP client (MailKit) sends into AnshinMail's inbound listener; the reply carries a personal link.</summary>
public sealed partial class EmptyMailTests : IAsyncLifetime
{
    private readonly WebApp _app = new();
    private readonly int _port = AnshinMail.Rules.Tests.Delivery.Ports.Next();

    public Task InitializeAsync()
    {
        _app.Settings["AnshinMail:Inbound:Enabled"] = "true";
        _app.Settings["AnshinMail:Inbound:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app.Settings["AnshinMail:Inbound:RepliesPerHour"] = "2";
        _app.Settings["AnshinMail:Delivery:BounceAddress"] = "bounce@example.jp";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"https?://[^/\s]+(/subscribe/start/[A-Za-z0-9_\-\.]+)")]
    private static partial Regex StartLink();

    /// <summary>Sends into the listener; when this returns, the listener has handled the mail (and sent any reply).</summary>
    private async Task SendEmptyMail(string from, string to = "touroku@example.jp", string subject = "", MimeEntity? body = null)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = body ?? new TextPart("plain") { Text = "" };
        using var client = new SmtpClient();
        for (var i = 0; ; i++)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", _port, MailKit.Security.SecureSocketOptions.None);
                break;
            }
            catch (SocketException) when (i < 50)
            {
                await Task.Delay(100); // the listener starts with the host
            }
        }
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    private async Task<List<MimeMessage>> RepliesTo(string address, int atLeast)
    {
        for (var i = 0; i < 100; i++)
        {
            var replies = _app.Smtp.Accepted.Where(m => m.To.Mailboxes.Any(x => x.Address == address)).ToList();
            if (replies.Count >= atLeast) return replies;
            await Task.Delay(100);
        }
        return _app.Smtp.Accepted.Where(m => m.To.Mailboxes.Any(x => x.Address == address)).ToList();
    }

    [Fact]
    public async Task T5_EmptyMailGetsAPersonalLink_ChoosingCompletesTheRegistration()
    {
        var client = _app.Browser(); // starts the host (and the listener)
        await SendEmptyMail("newbie@example.jp");
        var reply = Assert.Single(await RepliesTo("newbie@example.jp", 1));
        Assert.Contains("登録のご案内", reply.Subject);
        var link = StartLink().Match(reply.TextBody ?? "").Groups[1].Value;
        var page = await client.GetStringAsync(link);
        Assert.Contains("newbie@example.jp", page);
        var done = await (await client.PostForm(link, new() { ["Categories"] = "crime-prevention", ["Areas"] = "飯綱町" })).Content.ReadAsStringAsync();
        Assert.Contains("登録が完了しました", done);
        var manage = Regex.Match(done, "href=\"(/subscribe/manage/[^\"]+)\"").Groups[1].Value;
        var settings = await client.GetStringAsync(manage);
        Assert.Contains("newbie@example.jp", settings);
        Assert.Contains("value=\"飯綱町\" checked", settings);
    }

    /// <summary>
    /// Issue 16: an empty mail to a station's own registration address (its poster's mailto:) gets a link whose page
    /// has that station's areas ticked; a sender whose address a carrier issued before RFC rules (quoted in the
    /// envelope, as RFC 5321 writes it) is answered and registers under the address as the carrier issued it.
    /// </summary>
    [Fact]
    public async Task T5_StationRegistrationAddressPreselectsTheStation_CarrierSenderAnswered()
    {
        var client = _app.Browser();
        await SendEmptyMail("\"taro.\"@docomo.ne.jp", "touroku-kiso@example.jp");
        var reply = Assert.Single(await RepliesTo("\"taro.\"@docomo.ne.jp", 1));
        var link = StartLink().Match(reply.TextBody ?? "").Groups[1].Value;
        var page = await client.GetStringAsync(link);
        Assert.Contains("taro.@docomo.ne.jp", page);
        foreach (var area in _app.Services.GetRequiredService<AnshinMail.Rules.PolicyBooks.PolicyBook>().Unit("kiso").Jurisdiction)
            Assert.Contains($"value=\"{area}\" checked", page);
        Assert.DoesNotContain("value=\"長野市北部\" checked", page);
        var done = await (await client.PostForm(link, new() { ["Categories"] = "crime-prevention", ["Stations"] = "kiso" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("登録が完了しました", done);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinMail.Rules.Storage.AnshinDbContext>();
        Assert.True(await db.Subscribers.AnyAsync(s => s.Email == "taro.@docomo.ne.jp" && s.Confirmed));
    }

    /// <summary>
    /// Issue 16: an MTA that forwards a carrier's pre-RFC address unquoted (MAIL FROM:&lt;jiro.@docomo.ne.jp&gt;) is
    /// not refused; the empty mail is answered, at the address quoted as RFC 5321 writes it. A raw SMTP
    /// conversation, since MailKit itself would quote the address.
    /// </summary>
    [Fact]
    public async Task T5_UnquotedCarrierAddressInTheEnvelopeIsAcceptedAndAnswered()
    {
        _ = _app.Browser();
        using var tcp = new TcpClient();
        for (var i = 0; ; i++)
        {
            try { await tcp.ConnectAsync(IPAddress.Loopback, _port); break; }
            catch (SocketException) when (i < 50) { await Task.Delay(100); }
        }
        using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        async Task<string> Reply()
        {
            string line;
            do line = await reader.ReadLineAsync() ?? ""; while (line.Length > 3 && line[3] == '-');
            return line;
        }
        async Task<string> Say(string command)
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
            return await Reply();
        }
        Assert.StartsWith("220", await Reply());
        Assert.StartsWith("250", await Say("EHLO relay.example.jp"));
        Assert.StartsWith("250", await Say("MAIL FROM:<jiro.@docomo.ne.jp>"));
        Assert.StartsWith("250", await Say("RCPT TO:<touroku@example.jp>"));
        Assert.StartsWith("354", await Say("DATA"));
        Assert.StartsWith("250", await Say("From: jiro.@docomo.ne.jp\r\nTo: touroku@example.jp\r\nSubject: \r\n\r\n"
            + "MAIL FROM:<not.@an.envelope> stays as it is\r\n."));
        await Say("QUIT");
        var reply = Assert.Single(await RepliesTo("\"jiro.\"@docomo.ne.jp", 1));
        Assert.Contains("登録のご案内", reply.Subject);
    }

    /// <summary>
    /// The mailto: of List-Unsubscribe (RFC 2369), as a resident's mail program sends it, ends the subscription
    /// and gets no answer; mail to the unsubscribe address without a valid token gets no registration link.
    /// </summary>
    [Fact]
    public async Task T5_MailtoUnsubscribeEndsTheSubscription_AndIsNeverAnsweredWithARegistrationLink()
    {
        var client = _app.Browser();
        for (var i = 0; !_app.Smtp.Accepted.Any(m => m.Headers.Contains("List-Unsubscribe")); i++)
        {
            Assert.True(i < 600, "no demo alert was delivered");
            await Task.Delay(100);
        }
        var alert = _app.Smtp.Accepted.First(m => m.Headers.Contains("List-Unsubscribe"));
        var mailto = Regex.Match(alert.Headers["List-Unsubscribe"] ?? "", @"<mailto:([^?>]+)\?subject=([^>]+)>");
        var (address, subject) = (mailto.Groups[1].Value, Uri.UnescapeDataString(mailto.Groups[2].Value));
        var token = subject.Split(' ')[1];
        var resident = alert.To.Mailboxes.Single().Address;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/subscribe/manage/{token}")).StatusCode);

        await SendEmptyMail("stranger@example.jp", address, "unsubscribe");
        await SendEmptyMail("stranger@example.jp", address, "unsubscribe not-a-token");
        Assert.Empty(await RepliesTo("stranger@example.jp", 0));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/subscribe/manage/{token}")).StatusCode);

        await SendEmptyMail(resident, address, subject);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/subscribe/manage/{token}")).StatusCode);
        // The demo's other alerts may still be fanning out to this resident; what must never come is an answer.
        Assert.DoesNotContain(_app.Smtp.Accepted, m => m.To.Mailboxes.Any(x => x.Address == resident)
            && !(m.MessageId ?? "").StartsWith("alert-", StringComparison.Ordinal));
    }

    /// <summary>A relay's bounce report to a message's VERP envelope sender counts against that subscriber and is never answered.</summary>
    [Fact]
    public async Task BounceReportToTheEnvelopeSenderIsRecorded_NotAnswered()
    {
        _ = _app.Browser();
        MimeMessage? alert = null;
        for (var i = 0; alert is null; i++)
        {
            Assert.True(i < 600, "no demo alert was delivered");
            alert = _app.Smtp.Accepted.FirstOrDefault(m => m.Headers.Contains("List-Unsubscribe"));
            if (alert is null) await Task.Delay(100);
        }
        var ids = Regex.Match(alert.MessageId ?? "", @"^alert-(\d+)\.(\d+)@");
        var subscriberId = long.Parse(ids.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var token = Regex.Match(alert.Headers["List-Unsubscribe"] ?? "", @"/unsubscribe/([^>]+)>").Groups[1].Value;
        var verp = $"bounce+{ids.Groups[1].Value}.{subscriberId}.{AnshinMail.Rules.Delivery.BounceAddresses.Tag(token)}@example.jp";
        Assert.Contains(verp, _app.Smtp.EnvelopeFrom);

        var report = AnshinMail.Rules.Tests.Delivery.BounceReports.Report();
        await SendEmptyMail("mailer-daemon@relay.example.jp", verp, report.Subject ?? "", report.Body);
        Assert.Empty(await RepliesTo("mailer-daemon@relay.example.jp", 0));
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinMail.Rules.Storage.AnshinDbContext>();
        Assert.Equal(1, (await db.Subscribers.SingleAsync(s => s.Id == subscriberId)).PermanentFailures);
        Assert.Contains(await db.DeliveryFailures.Where(f => f.SubscriberId == subscriberId).ToListAsync(), f => f.Permanent && f.Reply.Contains("5.1.1"));
    }

    [Fact]
    public async Task T5_RepliesAreLimitedPerAddress()
    {
        _ = _app.Browser();
        for (var i = 0; i < 4; i++) await SendEmptyMail("eager@example.jp");
        await Task.Delay(500);
        Assert.Equal(2, (await RepliesTo("eager@example.jp", 2)).Count);
    }

}
