using AnshinMail.Rules.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace AnshinMail.Rules.Drill;

/// <summary>
/// 訓練: the only way mail leaves a drill. With allowed recipients, a message goes to the configured transport
/// when each of its recipients is allowed and its subject carries <see cref="DrillMode.SubjectMark"/>; any other
/// is not sent and answered <see cref="SendResult.WithheldByDrill"/>, which the delivery counts as withheld.
/// Without allowed recipients every message goes to the pickup folder, whatever transport is configured.
/// </summary>
public sealed class DrillTransport : IMailTransport
{
    private readonly IMailTransport _inner;
    private readonly DrillMode _drill;
    private readonly ILogger _log;
    private long _withheld;

    private DrillTransport(IMailTransport inner, DrillMode drill, ILogger? log) =>
        (_inner, _drill, _log) = (inner, drill, log ?? NullLogger.Instance);

    /// <summary>The transport an installation uses: <paramref name="configured"/> outside a drill; in a drill, the
    /// drill's guard around it, or around the pickup folder of <paramref name="options"/> when nothing is
    /// allowed.</summary>
    public static IMailTransport For(DrillMode drill, IMailTransport configured, DeliveryOptions options,
        ILogger? log = null)
    {
        if (!drill.Active) return configured;
        var inner = drill.AllowedRecipients.Count == 0 ? new PickupTransport(options.PickupDirectory) : configured;
        return new DrillTransport(inner, drill, log);
    }

    /// <summary>How many messages this drill has withheld since the app started.</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

    /// <summary>Says it is a drill, what it wraps and who may receive.</summary>
    public string Describe() => _drill.AllowedRecipients.Count == 0
        ? $"訓練（ピックアップフォルダのみ） {_inner.Describe()}"
        : $"訓練（送信を許すあて先: {string.Join(", ", _drill.AllowedRecipients)}） {_inner.Describe()}";

    /// <summary>Opens a session of the wrapped transport, guarded.</summary>
    public async Task<IMailSession> OpenAsync(CancellationToken ct) =>
        new Session(await _inner.OpenAsync(ct), this);

    private bool MaySend(MimeMessage message) =>
        (message.Subject ?? "").StartsWith(DrillMode.SubjectMark, StringComparison.Ordinal)
        && (_drill.AllowedRecipients.Count == 0
            || message.GetRecipients().All(r => _drill.Allows(r.Address)));

    private SendResult Withhold(MimeMessage message)
    {
        Interlocked.Increment(ref _withheld);
        _log.LogInformation("訓練のため送信しませんでした: {To} {Subject}",
            string.Join(", ", message.GetRecipients().Select(r => r.Address)), message.Subject);
        return SendResult.WithheldByDrill;
    }

    private sealed class Session(IMailSession inner, DrillTransport drill) : IMailSession
    {
        public Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct) =>
            SendAsync(message, null, ct);

        public Task<SendResult> SendAsync(MimeMessage message, MailboxAddress? envelopeFrom, CancellationToken ct) =>
            drill.MaySend(message)
                ? inner.SendAsync(message, envelopeFrom, ct)
                : Task.FromResult(drill.Withhold(message));

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
