namespace AnshinMail.Rules.Storage;

/// <summary>A message held for a subscriber's quiet hours; sent when <see cref="ReleaseAt"/> comes (T5).</summary>
public sealed class HeldMessage
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public long SubscriberId { get; set; }
    public DateTimeOffset ReleaseAt { get; set; }
}
