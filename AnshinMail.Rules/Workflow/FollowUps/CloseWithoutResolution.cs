using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;

namespace AnshinMail.Rules.Workflow.FollowUps;

/// <summary>
/// Y11.2: an open incident with nothing to resolve (a fraud-precursor call, a bear sighting) is closed by the
/// distributor of the unit with a reason; no mail; the ledger records it.
/// </summary>
public sealed class CloseWithoutResolution(WorkflowContext w)
{
    /// <summary>Closes the open alert <paramref name="alertId"/> without a resolution, with <paramref name="reason"/>;
    /// only the unit's distributor may.</summary>
    public Task<Alert> RunAsync(Person actor, long alertId, string reason, CancellationToken ct = default) =>
        w.Run(actor, "alert.close", Refusal.Id(alertId), async () =>
        {
            var alert = await w.LoadAlert(alertId, ct);
            w.Access.RequireOwnUnit(actor, alert.UnitId);
            Refusal.Require(UnitAccess.MayJudge(actor, alert.UnitId), "Y11.2", "alert.not-distributor",
                "解除なしの終結ができるのは情報配信者（所属長）です。");
            alert.Close(actor.Id, reason, w.Now);
            await new LedgerFiling(w).OnClosureAsync(alert, actor, reason, ct);
            return alert;
        }, null, ct);
}
