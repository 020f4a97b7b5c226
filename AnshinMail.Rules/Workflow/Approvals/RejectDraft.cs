using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Approvals;

/// <summary>Y9.2: an approver of the unit sends the draft back with a reason.</summary>
public sealed class RejectDraft(WorkflowContext w)
{
    /// <summary>Returns draft <paramref name="draftId"/> to its author with <paramref name="reason"/>; only an approver
    /// of its unit may.</summary>
    public Task<Draft> RunAsync(Person actor, long draftId, string reason, CancellationToken ct = default) =>
        w.Run(actor, "draft.reject", Refusal.Id(draftId), async () =>
        {
            var draft = await w.LoadDraft(draftId, ct);
            w.Access.RequireOwnUnit(actor, draft.UnitId);
            Refusal.Require(UnitAccess.MayApprove(actor, draft.UnitId), "Y9.2", "approval.not-entitled",
                "差し戻しができるのは承認者（情報配信者・広報活動責任者・当直責任者）です。");
            draft.Reject(reason, w.Now);
            return draft;
        }, null, ct);
}
