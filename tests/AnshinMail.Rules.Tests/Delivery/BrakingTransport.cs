using AnshinMail.Rules.Delivery;
using MimeKit;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>A real transport that pulls the brake (runs <paramref name="brake"/>) once, after the n-th message it carried.</summary>
public sealed class BrakingTransport(IMailTransport inner, int after, Func<Task> brake) : IMailTransport
{
    private readonly int _after = after;
    private readonly Func<Task> _brake = brake;
    private int _count;
    private int _pulled;

    public string Describe() => inner.Describe();

    public async Task<IMailSession> OpenAsync(CancellationToken ct) => new Session(this, await inner.OpenAsync(ct));

    private sealed class Session(BrakingTransport owner, IMailSession inner) : IMailSession
    {
        public Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct) => SendAsync(message, null, ct);

        public async Task<SendResult> SendAsync(MimeMessage message, MailboxAddress? envelopeFrom, CancellationToken ct)
        {
            var result = await inner.SendAsync(message, envelopeFrom, ct);
            if (Interlocked.Increment(ref owner._count) == owner._after && Interlocked.Exchange(ref owner._pulled, 1) == 0)
                await owner._brake();
            return result;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
