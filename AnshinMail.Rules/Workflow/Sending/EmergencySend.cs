using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>Y9.4 ただし書き: outside sending hours, the unit's distributor sends at once from their own login,
/// recording the four conditions.</summary>
public sealed class EmergencySend(WorkflowContext w)
{
    /// <summary>Sends approved draft <paramref name="draftId"/> now as an emergency, <paramref name="actor"/> being the
    /// unit's distributor confirming <paramref name="conditions"/> (the book's emergency condition ids).</summary>
    public Task<SendOutcome> RunAsync(Person actor, long draftId, IReadOnlySet<string> conditions,
        CancellationToken ct = default) =>
        new Release(w).RunAsync(actor, "alert.emergency-send", draftId, true,
            _ => Task.FromResult(new EmergencyClaim(new EmergencyFact(actor, conditions), JudgementMeans.Self, w.Now)),
            ct);
}
