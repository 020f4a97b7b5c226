namespace AnshinMail.Rules.Storage;

/// <summary>One batch of an alert's fan-out: the subscribers with ids in [FromSubscriberId, ToSubscriberId].</summary>
public sealed class DeliveryBatch
{
    /// <summary>The batch's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The alert being delivered.</summary>
    public long AlertId { get; set; }
    /// <summary>The lowest subscriber id of the batch, inclusive.</summary>
    public long FromSubscriberId { get; set; }
    /// <summary>The highest subscriber id of the batch, inclusive.</summary>
    public long ToSubscriberId { get; set; }
    /// <summary>How many subscribers in the range want the alert.</summary>
    public int Planned { get; set; }
    /// <summary>Whether the batch has been worked through.</summary>
    public bool Done { get; set; }
    /// <summary>How many of its messages the relay accepted.</summary>
    public int Delivered { get; set; }
    /// <summary>How many of its messages failed for good.</summary>
    public int Failed { get; set; }
    /// <summary>When it was worked through.</summary>
    public DateTimeOffset? DoneAt { get; set; }
}
