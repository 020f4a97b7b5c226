namespace AnshinMail.Rules.Storage;

public enum RequestKind { Distribution, Share, YahooRelay }

public enum RequestStatus { Open, TakenOver, Done }

/// <summary>
/// 配信要請 (T3(2)), 情報提供・配信要請 (Y11.4) and Yahoo!防災速報への情報提供要請 (T4(2)): one unit asks another.
/// </summary>
public sealed class UnitRequest
{
    public long Id { get; set; }
    public RequestKind Kind { get; set; }
    public required string FromUnitId { get; set; }
    public required string ToUnitId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long? DraftId { get; set; }
    public long? AlertId { get; set; }
    public List<string> Areas { get; set; } = [];
    /// <summary>The draft text the receiving unit starts from (JSON of the draft input), when it is to send.</summary>
    public string? Payload { get; set; }
    public RequestStatus Status { get; set; }
    public string? HandledBy { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    /// <summary>The draft the receiving unit started from it (distribution take-over).</summary>
    public long? ResultDraftId { get; set; }
}

/// <summary>異常 (Y12): reported to the security manager.</summary>
public sealed class AbnormalityReport
{
    public long Id { get; set; }
    public required string ReporterId { get; set; }
    public required string UnitId { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset At { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
