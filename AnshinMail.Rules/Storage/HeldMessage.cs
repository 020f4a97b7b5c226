namespace AnshinMail.Rules.Storage;

/// <summary>A message held for a subscriber's quiet hours; sent when <see cref="ReleaseAt"/> comes (T5).</summary>
public sealed class HeldMessage
{
    /// <summary>The held message's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The alert held.</summary>
    public long AlertId { get; set; }
    /// <summary>The subscriber it is held for.</summary>
    public long SubscriberId { get; set; }
    /// <summary>When the subscriber's quiet hours end.</summary>
    public DateTimeOffset ReleaseAt { get; set; }
}
