namespace AnshinMail.Rules.Storage;

/// <summary>One batch of an alert's fan-out: the subscribers with ids in [FromSubscriberId, ToSubscriberId].</summary>
public sealed class DeliveryBatch
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public long FromSubscriberId { get; set; }
    public long ToSubscriberId { get; set; }
    public int Planned { get; set; }
    public bool Done { get; set; }
    public int Delivered { get; set; }
    public int Failed { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}
