using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>
/// Y9.3: staff of the unit (or its approvers) cancel a scheduled alert before its time, with a reason: nothing
/// is sent, the requests it filed are withdrawn, the ledger records 取消 with who, when and why.
/// </summary>
public sealed class CancelAlert(WorkflowContext w)
{
    /// <summary>Cancels the scheduled alert <paramref name="alertId"/> with <paramref name="reason"/>; refused once it
    /// has started.</summary>
    public Task<Alert> RunAsync(Person actor, long alertId, string reason, CancellationToken ct = default) =>
        w.Run(actor, "alert.cancel", Refusal.Id(alertId), async () =>
        {
            var alert = await w.LoadAlert(alertId, ct);
            RequireCanceller(w, actor, alert);
            alert.Cancel(actor.Id, reason, w.Now);
            // Y9.3: the draft goes back to the desk: it can be corrected and approved again (no dead end).
            (await w.LoadDraft(alert.DraftId, ct)).Reopen(w.Now);
            await WithdrawRequests(w, actor, alert, ct);
            await new LedgerFiling(w).OnWithdrawalAsync(alert, LedgerFiling.Cancelled, actor, reason, ct);
            return alert;
        }, null, ct);

    internal static void RequireCanceller(WorkflowContext w, Person actor, Alert alert)
    {
        w.Access.RequireOwnUnit(actor, alert.UnitId);
        Refusal.Require(UnitAccess.MayCancel(actor, alert.UnitId), "Y9.3", "alert.not-canceller",
            "取消・停止ができるのは配信した所属の職員と承認者です。");
    }

    /// <summary>Requests filed by the release that no one has handled yet go with it (Yahoo relay, shares,
    /// distribution).</summary>
    internal static async Task WithdrawRequests(WorkflowContext w, Person actor, Alert alert, CancellationToken ct)
    {
        foreach (var request in await w.Db.Requests.Where(r => r.AlertId == alert.Id).ToListAsync(ct))
            request.Withdraw(actor.Id, w.Now);
    }
}
