using System.Collections.Concurrent;
using AnshinMail.Rules.Delivery;
using MimeKit;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>An in-memory transport for property tests: records every message handed to it; can "crash" after N.</summary>
public sealed class RecordingTransport(int crashAfter = int.MaxValue) : IMailTransport
{
    private readonly int _crashAfter = crashAfter;
    private int _count;
    public ConcurrentQueue<MimeMessage> Handed { get; } = new();

    public string Describe() => "recording";

    public Task<IMailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IMailSession>(new Session(this));

    private sealed class Session(RecordingTransport owner) : IMailSession
    {
        public Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (Interlocked.Increment(ref owner._count) > owner._crashAfter) throw new IOException("connection lost (simulated)");
            // A copy: the runner disposes each message once it is sent.
            using var copy = new MemoryStream();
            message.WriteTo(copy);
            copy.Position = 0;
            owner.Handed.Enqueue(MimeMessage.Load(copy));
            return Task.FromResult(SendResult.Accepted);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
