using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;

namespace AnshinMail.Web.Tests.Inbound;

/// <summary>A real SMTP client (MailKit) for AnshinMail's inbound listener, as a site's MTA forwards to it.</summary>
public sealed class InboundClient(int port)
{
    public int Port { get; } = port;

    public static MimeMessage EmptyMail(string from, string to = "touroku@example.jp")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "";
        message.Body = new TextPart("plain") { Text = "" };
        return message;
    }

    /// <summary>
    /// Sends; when this returns, the listener has handled the mail (and sent any reply).
    /// <paramref name="envelopeFrom"/>
    /// "" is the null reverse-path (MAIL FROM:&lt;&gt;); null means the From address.
    /// </summary>
    public async Task SendAsync(MimeMessage message, string? envelopeFrom = null)
    {
        using var client = await ConnectAsync();
        var sender = envelopeFrom is null ? message.From.Mailboxes.First() : new MailboxAddress("", envelopeFrom);
        await client.SendAsync(message, sender, message.To.Mailboxes);
        await client.DisconnectAsync(true);
    }

    public async Task<SmtpClient> ConnectAsync()
    {
        var client = new SmtpClient();
        for (var i = 0; ; i++)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
                return client;
            }
            catch (SocketException) when (i < 50)
            {
                await Task.Delay(100); // the listener starts with the host
            }
        }
    }
}
