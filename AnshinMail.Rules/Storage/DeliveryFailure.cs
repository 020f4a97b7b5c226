namespace AnshinMail.Rules.Storage;

/// <summary>A message the relay refused for good (5xx) or kept deferring (4xx) past the retries.</summary>
public sealed class DeliveryFailure
{
    /// <summary>The failure's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The alert whose message failed.</summary>
    public long AlertId { get; set; }
    /// <summary>The subscriber it was for.</summary>
    public long SubscriberId { get; set; }
    /// <summary>The address it was sent to.</summary>
    public required string Email { get; set; }
    /// <summary>The SMTP status code of the relay's reply (e.g. 550).</summary>
    public int Code { get; set; }
    /// <summary>Whether the relay refused it for good (5xx), not only deferred it.</summary>
    public bool Permanent { get; set; }
    /// <summary>The relay's reply, up to 1,000 characters.</summary>
    public required string Reply { get; set; }
    /// <summary>When it failed.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What became of one message the relay refused (the reply kept to its first 1,000 characters).</summary>
    public static DeliveryFailure Of(long alertId, Subscriber subscriber, int code, bool permanent, string reply,
        DateTimeOffset at) => new()
    {
        AlertId = alertId,
        SubscriberId = subscriber.Id,
        Email = subscriber.Email,
        Code = code,
        Permanent = permanent,
        Reply = reply.Length <= 1000 ? reply : reply[..1000],
        At = at,
    };
}
