using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Reports;

/// <summary>Y12.3(2): anyone reports an abnormality (suspected misuse, a wrong send…) to the security
/// manager.</summary>
public sealed class ReportAbnormality(WorkflowContext w)
{
    /// <summary>Records <paramref name="actor"/>'s report of <paramref name="description"/> and notifies the security
    /// manager.</summary>
    public Task<AbnormalityReport> RunAsync(Person actor, string description, CancellationToken ct = default) =>
        w.Run(actor, "abnormality.report", null, () =>
        {
            Refusal.Require(!string.IsNullOrWhiteSpace(description) && description.Length <= 4000, "Y12.3(2)",
                "abnormality.description", "異常の内容を4000文字以内で入力してください。");
            StaffText.RequireUsable(description, "異常の内容", "Y12.3(2)", "abnormality.description-character");
            var report = new AbnormalityReport
            {
                ReporterId = actor.Id,
                UnitId = actor.UnitId,
                Description = description.Trim(),
                At = w.Now,
            };
            w.Db.AbnormalityReports.Add(report);
            return Task.FromResult(report);
        }, _ => w.Book.Offices.SecurityManagerUnit, ct);
}
