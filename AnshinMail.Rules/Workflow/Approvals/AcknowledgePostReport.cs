using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Approvals;

/// <summary>Y9.2: the unit's distributor acknowledges a PR or duty officer's after-the-fact report.</summary>
public sealed class AcknowledgePostReport(WorkflowContext w)
{
    /// <summary>Acknowledges report <paramref name="reportId"/> as <paramref name="actor"/>, the unit's distributor;
    /// refused (<see cref="PolicyRefusedException"/>) for anyone else or a report already acknowledged.</summary>
    public Task<PostReport> RunAsync(Person actor, long reportId, CancellationToken ct = default) =>
        w.Run(actor, "post-report.acknowledge", Refusal.Id(reportId), async () =>
        {
            var report = await w.Db.PostReports.SingleOrDefaultAsync(r => r.Id == reportId, ct)
                ?? throw PolicyRefusedException.Because("Y9.2", "post-report.unknown", $"事後報告 {reportId} はありません。");
            w.Access.RequireOwnUnit(actor, report.UnitId);
            Refusal.Require(UnitAccess.MayJudge(actor, report.UnitId), "Y9.2", "post-report.not-distributor",
                "事後報告を受けるのは情報配信者（所属長）です。");
            report.Acknowledge(actor.Id, w.Now);
            await new LedgerFiling(w).OnReportAcknowledgedAsync(report, ct);
            return report;
        }, null, ct);
}
