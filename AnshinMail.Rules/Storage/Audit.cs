using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

/// <summary>Adds audit events to the context; they are written with the operation's own SaveChanges (one
/// transaction).</summary>
public sealed class Audit(AnshinDbContext db, TimeProvider clock)
{
    /// <summary>Records that <paramref name="actor"/> did <paramref name="action"/> (a code of <see
    /// cref="AuditLabels"/>) on <paramref name="target"/> with this outcome.</summary>
    public void Record(Person actor, string action, string? target, string outcome, string? detail = null) =>
        Record(actor.Id, actor.UnitId, action, target, outcome, detail);

    /// <summary>Records an action by a user ID (which may not exist, as at a failed sign-in) for a unit.</summary>
    public void Record(string actor, string? unitId, string action, string? target, string outcome,
        string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            UnitId = unitId,
            Action = action,
            Target = target,
            Outcome = outcome,
            Detail = detail,
        });
}
