using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>
/// Y11.3: a sent alert that was wrong is withdrawn from the public side: the archive shows it as 取消 without
/// its text, Atom updates the entry and CAP publishes a Cancel; the staff keep the text.
/// </summary>
public sealed class WithdrawAlert(WorkflowContext w)
{
    /// <summary>Withdraws sent alert <paramref name="alertId"/> from the public side with <paramref
    /// name="reason"/>.</summary>
    public Task<Alert> RunAsync(Person actor, long alertId, string reason, CancellationToken ct = default) =>
        w.Run(actor, "alert.withdraw", Refusal.Id(alertId), async () =>
        {
            var alert = await w.LoadAlert(alertId, ct);
            CancelAlert.RequireCanceller(w, actor, alert);
            alert.Withdraw(actor.Id, reason, w.Now);
            await new LedgerFiling(w).OnWithdrawalAsync(alert, LedgerFiling.Withdrawn, actor, reason, ct);
            return alert;
        }, null, ct);
}
