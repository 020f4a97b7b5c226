using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>Y9.4 ただし書き: the distributor who judged confirms afterwards the emergency staff sent on their
/// judgement.</summary>
public sealed class ConfirmEmergencyJudgement(WorkflowContext w)
{
    /// <summary>Confirms judgement <paramref name="judgementId"/>; only the distributor who gave it may.</summary>
    public Task<EmergencyJudgement> RunAsync(Person actor, long judgementId, CancellationToken ct = default) =>
        w.Run(actor, "emergency.confirm", Refusal.Id(judgementId), async () =>
        {
            var judgement = await w.Db.EmergencyJudgements.SingleOrDefaultAsync(j => j.Id == judgementId, ct)
                ?? throw PolicyRefusedException.Because("Y9.4", "emergency.unknown",
                    $"緊急配信の判断記録 {judgementId} はありません。");
            w.Access.RequireOwnUnit(actor, judgement.UnitId);
            Refusal.Require(UnitAccess.MayJudge(actor, judgement.UnitId), "Y9.4", "emergency.not-distributor",
                "緊急配信の事後確認を行うのは情報配信者（所属長）です。");
            judgement.Confirm(actor.Id, w.Now);
            await new LedgerFiling(w).OnJudgementConfirmedAsync(judgement, ct);
            return judgement;
        }, null, ct);
}
