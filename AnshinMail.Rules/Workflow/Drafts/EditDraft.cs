using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Sending;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Drafts;

/// <summary>
/// Y9.3: edits make a new version; an approval given before no longer covers it. A draft whose alert is still
/// held for its time can be corrected too: the schedule is cancelled and a new approval is needed.
/// </summary>
public sealed class EditDraft(WorkflowContext w)
{
    private const string HeldEdited = "配信文を修正するため、予約を取り消しました。";

    /// <summary>Saves <paramref name="input"/> as a new version of draft <paramref name="draftId"/>; an earlier
    /// approval no longer covers it.</summary>
    public Task<Draft> RunAsync(Person actor, long draftId, DraftInput input, CancellationToken ct = default) =>
        w.Run(actor, "draft.edit", Refusal.Id(draftId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            DraftValidation.Validate(w.Book, input);
            var draft = await w.LoadDraft(draftId, ct);
            w.Access.RequireOwnUnit(actor, draft.UnitId);
            if (draft.Status == DraftStatus.Released && draft.Changes(input)) await CancelHeld(actor, draft, ct);
            if (!draft.Revise(input, w.Now)) return draft;
            await w.Check(actor, draft, ct);
            w.AddVersion(actor, draft);
            return draft;
        }, null, ct);

    /// <summary>Only a held alert goes back to the desk; one that started sending keeps the refusal (a correction is
    /// due).</summary>
    private async Task CancelHeld(Person actor, Draft draft, CancellationToken ct)
    {
        var held = await w.Db.Alerts.Where(a => a.DraftId == draft.Id && a.Status == AlertStatus.Scheduled)
            .SingleOrDefaultAsync(ct);
        if (held is null) return;
        held.Cancel(actor.Id, HeldEdited, w.Now);
        await CancelAlert.WithdrawRequests(w, actor, held, ct);
        await new LedgerFiling(w).OnWithdrawalAsync(held, LedgerFiling.Cancelled, actor, HeldEdited, ct);
        draft.Reopen(w.Now);
    }
}
