using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>Y9.4 ただし書き: outside sending hours, the unit's distributor sends at once, recording the four
/// conditions.</summary>
public sealed class EmergencySend(WorkflowContext w)
{
    public Task<SendOutcome> RunAsync(Person actor, long draftId, IReadOnlySet<string> conditions,
        CancellationToken ct = default) =>
        new Release(w).RunAsync(actor, "alert.emergency-send", draftId, true, new EmergencyFact(actor, conditions), ct);
}
