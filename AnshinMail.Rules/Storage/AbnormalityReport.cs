namespace AnshinMail.Rules.Storage;

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
