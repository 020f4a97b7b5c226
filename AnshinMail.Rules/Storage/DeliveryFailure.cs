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
}
