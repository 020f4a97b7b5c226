using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>
/// Y9.3, Y9.4: staff re-check the approved text (<c>rechecked</c>) and release it: it goes out now inside
/// sending hours, or is scheduled for the next opening. Requests the verdict names (distribution to HQ for
/// outside areas, shares to neighbours, Yahoo relay) are filed in the same transaction.
/// </summary>
public sealed class SendAlert(WorkflowContext w)
{
    /// <summary>Releases approved draft <paramref name="draftId"/>: now inside sending hours, else held; <paramref
    /// name="rechecked"/> must be true.</summary>
    public Task<SendOutcome> RunAsync(Person actor, long draftId, bool rechecked, CancellationToken ct = default) =>
        new Release(w).RunAsync(actor, "alert.send", draftId, rechecked, null, ct);
}
