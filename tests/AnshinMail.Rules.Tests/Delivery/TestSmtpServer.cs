using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package, in-process). Records what it accepts; can
/// refuse addresses for good (5xx) or for a while (4xx); can be stopped and started on the same port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _cts;

    public TestSmtpServer() => Port = Ports.Next();

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Accepted { get; } = new();
    /// <summary>Address → reply code refused every time (e.g. 550).</summary>
    public ConcurrentDictionary<string, int> RefuseAlways { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Address → how many more times to answer 451 before accepting.</summary>
    public ConcurrentDictionary<string, int> DeferTimes { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The envelope sender (MAIL FROM) of each accepted message, in order.</summary>
    public ConcurrentQueue<string> EnvelopeFrom { get; } = new();
    /// <summary>How long each message takes to be accepted (a slow relay); zero by default.</summary>
    public TimeSpan DelayEach { get; set; }
    /// <summary>Called after each accepted message with the running total.</summary>
    public Action<int>? OnAccepted { get; set; }

    public TestSmtpServer Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _cts = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(_cts.Token);
        return this;
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _cts!.Cancel();
        await _server.ShutdownTask;
        _server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public IEnumerable<string> MessageIds => Accepted.Select(m => m.MessageId ?? "");


    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (owner.DelayEach > TimeSpan.Zero) await Task.Delay(owner.DelayEach, ct);
            return Save(transaction, buffer);
        }

        private SmtpResponse Save(IMessageTransaction transaction, ReadOnlySequence<byte> buffer)
        {
            var to = $"{transaction.To[0].User}@{transaction.To[0].Host}";
            if (owner.RefuseAlways.TryGetValue(to, out var code))
                return new SmtpResponse((SmtpReplyCode)code, "mailbox unavailable");
            if (owner.DeferTimes.TryGetValue(to, out var left) && left > 0)
            {
                owner.DeferTimes[to] = left - 1;
                return new SmtpResponse(SmtpReplyCode.Aborted, "try again later");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            owner.EnvelopeFrom.Enqueue(transaction.From is { } f ? $"{f.User}@{f.Host}" : "");
            owner.Accepted.Enqueue(MimeMessage.Load(stream));
            owner.OnAccepted?.Invoke(owner.Accepted.Count);
            return SmtpResponse.Ok;
        }
    }
}
