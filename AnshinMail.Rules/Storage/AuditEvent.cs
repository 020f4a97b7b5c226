namespace AnshinMail.Rules.Storage;

/// <summary>Y7.2, Y12: who did what, for which unit, when, and how it ended.</summary>
public sealed class AuditEvent
{
    /// <summary>The event's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The acting person's user ID, or the one attempted at a failed sign-in.</summary>
    public required string Actor { get; set; }
    /// <summary>The unit the actor acted for, if any.</summary>
    public string? UnitId { get; set; }
    /// <summary>The action's code (e.g. <c>draft.approve</c>); <see cref="AuditLabels"/> names it in
    /// Japanese.</summary>
    public required string Action { get; set; }
    /// <summary>What it acted on (e.g. a draft's number), if anything.</summary>
    public string? Target { get; set; }
    /// <summary>How it ended: a success code or the refusal.</summary>
    public required string Outcome { get; set; }
    /// <summary>More about it (a refusal's reason, changed roles…), if anything.</summary>
    public string? Detail { get; set; }
}
