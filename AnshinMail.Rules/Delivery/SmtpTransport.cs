using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// MailKit SMTP. Each session has its own <see cref="SmtpClient"/> connected over a socket with
/// <see cref="Socket.NoDelay"/> set: MailKit's own socket leaves Nagle's algorithm on, which with
/// delayed ACKs caps a connection near 23 messages/s on loopback.
/// </summary>
internal sealed class SmtpTransport(DeliveryOptions options) : IMailTransport
{
    public string Describe() => $"smtp:{options.Host}:{options.Port}";

    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient { CheckCertificateRevocation = options.CheckCertificateRevocation,
            Timeout = 60_000 };
        try
        {
            var socket = await Connect(options.Host, options.Port, ct);
            await client.ConnectAsync(socket, options.Host, options.Port, options.Security, ct);
            if (options.UserName is { Length: > 0 } user
                && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                await client.AuthenticateAsync(user, options.Password ?? "", ct);
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<Socket> Connect(string host, int port, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host, out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, ct);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, ct);
                return socket;
            }
            catch (SocketException e)
            {
                last = e;
                socket.Dispose();
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct) =>
            Send(() => client.SendAsync(message, ct));

        public Task<SendResult> SendAsync(MimeMessage message, MailboxAddress? envelopeFrom, CancellationToken ct) =>
            envelopeFrom is null ? SendAsync(message, ct)
                : Send(() => client.SendAsync(message, envelopeFrom, message.To.Mailboxes, ct));

        private static async Task<SendResult> Send(Func<Task<string>> send)
        {
            try
            {
                var reply = await send();
                return new SendResult(250, reply);
            }
            catch (SmtpCommandException e) when (e.ErrorCode is not SmtpErrorCode.UnexpectedStatusCode)
            {
                return new SendResult((int)e.StatusCode, e.Message);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(true);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SocketException
                or OperationCanceledException)
            {
                // The connection is already gone; nothing to say goodbye to.
            }
            client.Dispose();
        }
    }
}
