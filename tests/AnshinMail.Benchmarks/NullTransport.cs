using AnshinMail.Rules.Delivery;
using MimeKit;

namespace AnshinMail.Benchmarks;

/// <summary>Serialises each message to nowhere: the runner's own cost, without SMTP.</summary>
internal sealed class NullTransport : IMailTransport
{
    public string Describe() => "null";

    public Task<IMailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IMailSession>(new Session());

    private sealed class Session : IMailSession
    {
        public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct)
        {
            await message.WriteToAsync(Stream.Null, ct);
            return SendResult.Accepted;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
