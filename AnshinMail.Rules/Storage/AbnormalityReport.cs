namespace AnshinMail.Rules.Storage;

/// <summary>異常 (Y12): reported to the security manager.</summary>
public sealed class AbnormalityReport
{
    /// <summary>The report's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The user ID of the staff member who reported it.</summary>
    public required string ReporterId { get; set; }
    /// <summary>The id of the reporter's unit.</summary>
    public required string UnitId { get; set; }
    /// <summary>What happened, in the reporter's words.</summary>
    public required string Description { get; set; }
    /// <summary>When it was reported.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The user ID of the security manager who acknowledged it; null while open.</summary>
    public string? AcknowledgedBy { get; set; }
    /// <summary>When the security manager acknowledged it; null while open.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
