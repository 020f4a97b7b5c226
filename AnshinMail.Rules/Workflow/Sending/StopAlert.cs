using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>
/// Y9.3: the emergency brake on an alert being sent: the worker stops at its next batch on each connection;
/// who got it and who did not stay counted, and a correction can then go to those who got it.
/// </summary>
public sealed class StopAlert(WorkflowContext w)
{
    /// <summary>Stops alert <paramref name="alertId"/> while it is being sent, with <paramref
    /// name="reason"/>.</summary>
    public Task<Alert> RunAsync(Person actor, long alertId, string reason, CancellationToken ct = default) =>
        w.Run(actor, "alert.stop", Refusal.Id(alertId), async () =>
        {
            var alert = await w.LoadAlert(alertId, ct);
            CancelAlert.RequireCanceller(w, actor, alert);
            alert.Halt(actor.Id, reason, w.Now);
            await CancelAlert.WithdrawRequests(w, actor, alert, ct);
            await new LedgerFiling(w).OnWithdrawalAsync(alert, LedgerFiling.Stopped, actor, reason, ct);
            return alert;
        }, null, ct);
}
