using MimeKit;

namespace AnshinMail.Rules.Delivery;

/// <summary>What became of one message: accepted (2xx), or refused with the relay's code and reply.</summary>
public sealed record SendResult(int Code, string Reply)
{
    public static readonly SendResult Accepted = new(250, "OK");
    public bool IsAccepted => Code is >= 200 and < 300;
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>訓練: not sent, because the drill does not allow it; handled (neither a failure nor retried), and
    /// counted as withheld by the delivery.</summary>
    public static readonly SendResult WithheldByDrill = new(250, "訓練のため送信せず") { Withheld = true };

    /// <summary>Whether a drill kept the message back instead of sending it.</summary>
    public bool Withheld { get; init; }
}

/// <summary>Opens sessions to where mail goes. A session is used by one worker at a time.</summary>
public interface IMailTransport
{
    string Describe();
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

/// <summary>
/// One open connection. <see cref="SendAsync"/> returns the relay's verdict on the message; it throws
/// when the connection itself fails (the batch is then left undone and retried).
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct);

    /// <summary>
    /// The same with an envelope sender (MAIL FROM) other than the From header, when given: a per-message
    /// bounce address. A transport without an envelope (the pickup folder) ignores it.
    /// </summary>
    Task<SendResult> SendAsync(MimeMessage message, MailboxAddress? envelopeFrom, CancellationToken ct) =>
        SendAsync(message, ct);
}

public static class MailTransports
{
    public static IMailTransport Create(DeliveryOptions options) => options.Transport.ToLowerInvariant() switch
    {
        "pickup" => new PickupTransport(options.PickupDirectory),
        "smtp" => new SmtpTransport(options),
        _ => throw new NotSupportedException($"配信方式 '{options.Transport}' には対応していません（対応: pickup, smtp）。"),
    };
}
