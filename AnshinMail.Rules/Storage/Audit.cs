using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

/// <summary>Adds audit events to the context; they are written with the operation's own SaveChanges (one
/// transaction).</summary>
public sealed class Audit(AnshinDbContext db, TimeProvider clock)
{
    public void Record(Person actor, string action, string? target, string outcome, string? detail = null) =>
        Record(actor.Id, actor.UnitId, action, target, outcome, detail);

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
