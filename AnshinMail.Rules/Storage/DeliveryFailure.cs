namespace AnshinMail.Rules.Storage;

/// <summary>A message the relay refused for good (5xx) or kept deferring (4xx) past the retries.</summary>
public sealed class DeliveryFailure
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public long SubscriberId { get; set; }
    public required string Email { get; set; }
    public int Code { get; set; }
    public bool Permanent { get; set; }
    public required string Reply { get; set; }
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
