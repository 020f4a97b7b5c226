namespace AnshinMail.Rules.Storage;

/// <summary>One batch of an alert's fan-out: the subscribers with ids in [FromSubscriberId, ToSubscriberId].</summary>
public sealed class DeliveryBatch
{
    /// <summary>The batch's number.</summary>
    public long Id { get; set; }
    /// <summary>The alert it delivers.</summary>
    public long AlertId { get; set; }
    /// <summary>The first subscriber id of the range.</summary>
    public long FromSubscriberId { get; set; }
    /// <summary>The last subscriber id of the range.</summary>
    public long ToSubscriberId { get; set; }
    /// <summary>Recipients counted when the batch was planned.</summary>
    public int Planned { get; set; }
    /// <summary>Checkpointed: every message was accepted or recorded.</summary>
    public bool Done { get; set; }
    /// <summary>Messages the relay accepted.</summary>
    public int Delivered { get; set; }
    /// <summary>Messages refused or not sent.</summary>
    public int Failed { get; set; }
    /// <summary>When the batch was checkpointed.</summary>
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>The node working on the batch now (<see cref="Nodes.NodeOptions.Id"/>), while its lease lasts.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>Until when the owner's lease lasts; after it another node may claim the batch.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
