using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

public enum AlertStatus { Scheduled, Sending, Sent }

/// <summary>配信情報: an approved draft once sent or scheduled, with its rendered text and delivery progress.</summary>
public sealed class Alert
{
    public long Id { get; set; }
    public long DraftId { get; set; }
    public long? LedgerEntryId { get; set; }
    public required string CategoryId { get; set; }
    public required string UnitId { get; set; }
    public string? RequestingUnitId { get; set; }
    public List<string> Areas { get; set; } = [];
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public AlertStatus Status { get; set; }
    public bool Emergency { get; set; }
    /// <summary>Y9.4: the four conditions the distributor recorded for an emergency send.</summary>
    public List<string> EmergencyConditions { get; set; } = [];
    public DateTimeOffset? ScheduledFor { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public required string SentBy { get; set; }
    public FollowUpKind? FollowUpKind { get; set; }
    public long? FollowUpOfAlertId { get; set; }
    /// <summary>Y11.2: an incident alert stays open until its resolution is sent.</summary>
    public bool ResolutionOwed { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary>Batches have been planned from the subscribers at the start of sending.</summary>
    public bool BatchesPlanned { get; set; }
    public int Recipients { get; set; }
    public int Delivered { get; set; }
    public int Failed { get; set; }
    /// <summary>Messages waiting for their subscribers' quiet hours to end (not yet delivered, not failed).</summary>
    public int Held { get; set; }
    /// <summary>The last transport error while sending (relay down…), shown to staff; cleared on progress.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
}
