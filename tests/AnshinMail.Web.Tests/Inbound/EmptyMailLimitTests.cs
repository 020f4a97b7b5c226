using System.Globalization;
using System.Net.Sockets;
using System.Text;
using AnshinMail.Rules.Storage;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AnshinMail.Web.Tests.Inbound;

/// <summary>
/// T5 空メール登録: the inbound listener takes mail up to 64 KB; a bigger one is refused and nothing of it is kept.
/// </summary>
public sealed class EmptyMailLimitTests : IAsyncLifetime
{
    private readonly WebApp _app = new();
    private readonly InboundClient _inbound = new(AnshinMail.Rules.Tests.Delivery.Ports.Next());

    public Task InitializeAsync()
    {
        _app.Settings["AnshinMail:Inbound:Enabled"] = "true";
        _app.Settings["AnshinMail:Inbound:Port"] = _inbound.Port.ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static MimeMessage Sized(string from, int bytes)
    {
        var message = InboundClient.EmptyMail(from);
        var line = new string('x', 76) + "\r\n";
        message.Body = new TextPart("plain") { Text = string.Concat(Enumerable.Repeat(line, bytes / line.Length)) };
        return message;
    }

    private async Task<int> KeptFor(string address)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        var links = await db.RegistrationLinks.CountAsync(l => l.Email == address);
        return links + _app.Smtp.Accepted.Count(m => m.To.Mailboxes.Any(x => x.Address == address));
    }

    [Fact]
    public async Task T5_AMailJustUnder64KB_IsTaken()
    {
        _ = _app.Browser();
        await _inbound.SendAsync(Sized("small@example.jp", 60 * 1024));
        Assert.Equal(2, await KeptFor("small@example.jp")); // the link and its reply
    }

    [Fact]
    public async Task T5_AMailOver64KB_FromARealClient_IsRefused_NothingKept()
    {
        _ = _app.Browser();
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(
            () => _inbound.SendAsync(Sized("big@example.jp", 100 * 1024)));
        Assert.Equal(SmtpStatusCode.ExceededStorageAllocation, refused.StatusCode);
        Assert.Equal(0, await KeptFor("big@example.jp"));
    }

    /// <summary>
    /// A client that does not declare the size (no SIZE= on MAIL FROM) and streams on is cut off, not buffered.
    /// </summary>
    [Fact]
    public async Task T5_AnUndeclaredMailOver64KB_IsCutOff_NothingKept()
    {
        _ = _app.Browser();
        using (await _inbound.ConnectAsync()) { } // waits for the listener
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _inbound.Port);
        var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await reader.ReadLineAsync();
        string[] commands =
            ["HELO client.example.jp", "MAIL FROM:<streamer@example.jp>", "RCPT TO:<touroku@example.jp>", "DATA"];
        foreach (var command in commands)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            await reader.ReadLineAsync();
        }
        var answer = "";
        try
        {
            var line = Encoding.ASCII.GetBytes("Subject: big\r\n\r\n" + new string('x', 998) + "\r\n");
            for (var i = 0; i < 1024; i++) await stream.WriteAsync(line); // 1 MB
            await stream.WriteAsync(Encoding.ASCII.GetBytes(".\r\n"));
            answer = await reader.ReadLineAsync() ?? "";
        }
        catch (IOException)
        {
            // the listener closed the connection: the expected answer to a sender that will not stop
        }
        Assert.DoesNotMatch("^250", answer);
        Assert.Equal(0, await KeptFor("streamer@example.jp"));
    }
}
