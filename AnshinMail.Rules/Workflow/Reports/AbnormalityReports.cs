using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Reports;

/// <summary>Y12.3(2): the security manager's list of abnormality reports, newest first.</summary>
public sealed class AbnormalityReports(WorkflowContext w)
{
    /// <summary>Every abnormality report, newest first; refused for anyone but the security manager.</summary>
    public Task<List<AbnormalityReport>> RunAsync(Person actor, CancellationToken ct = default)
    {
        Refusal.Require(w.Access.MayReadAbnormalities(actor), "Y12.3(2)", "abnormality.not-security-manager",
            "異常の報告を閲覧できるのはシステムセキュリティ責任者です。");
        return w.Db.AbnormalityReports.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
    }
}
