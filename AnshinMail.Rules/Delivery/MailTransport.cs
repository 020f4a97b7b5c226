using MimeKit;

namespace AnshinMail.Rules.Delivery;

/// <summary>What became of one message: accepted (2xx), or refused with the relay's code and reply.</summary>
public sealed record SendResult(int Code, string Reply)
{
    /// <summary>The result of a message the relay accepted (250).</summary>
    public static readonly SendResult Accepted = new(250, "OK");
    /// <summary>Whether the relay accepted the message (2xx).</summary>
    public bool IsAccepted => Code is >= 200 and < 300;
    /// <summary>Whether the refusal is temporary (4xx) and worth retrying.</summary>
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
    /// <summary>A description of where mail goes, for the health page and logs (e.g. the relay's host and
    /// port).</summary>
    string Describe();
    /// <summary>Opens one session (an SMTP connection, or the pickup folder).</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

/// <summary>
/// One open connection. <see cref="SendAsync(MimeMessage, CancellationToken)"/> returns the relay's verdict on the
/// message; it throws when the connection itself fails (the batch is then left undone and retried).
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Hands one message over; the result is the relay's verdict on it.</summary>
    Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct);

    /// <summary>
    /// The same with an envelope sender (MAIL FROM) other than the From header, when given: a per-message
    /// bounce address. A transport without an envelope (the pickup folder) ignores it.
    /// </summary>
    Task<SendResult> SendAsync(MimeMessage message, MailboxAddress? envelopeFrom, CancellationToken ct) =>
        SendAsync(message, ct);
}

/// <summary>Builds the transport <see cref="DeliveryOptions.Transport"/> names.</summary>
public static class MailTransports
{
    /// <summary>The pickup or SMTP transport of <paramref name="options"/>; another name throws <see
    /// cref="NotSupportedException"/> (Japanese message).</summary>
    public static IMailTransport Create(DeliveryOptions options) => options.Transport.ToLowerInvariant() switch
    {
        "pickup" => new PickupTransport(options.PickupDirectory),
        "smtp" => new SmtpTransport(options),
        _ => throw new NotSupportedException($"配信方式 '{options.Transport}' には対応していません（対応: pickup, smtp）。"),
    };
}
