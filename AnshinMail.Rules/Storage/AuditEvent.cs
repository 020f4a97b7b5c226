namespace AnshinMail.Rules.Storage;

/// <summary>Y7.2, Y12: who did what, for which unit, when, and how it ended.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The acting person's user ID, or the one attempted at a failed sign-in.</summary>
    public required string Actor { get; set; }
    public string? UnitId { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public required string Outcome { get; set; }
    public string? Detail { get; set; }
}
