using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Sending;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// Y9.2, Y9.3, Y12.3(2): the reasons and reports staff type are kept in the ledger and read by others; a control
/// character or a bidi override is refused, naming the field and the character, and nothing is changed.
/// </summary>
public sealed class StaffTextTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<Finding> Refused<T>(Func<AnshinMail.Rules.Workflow.WorkflowContext, Task<T>> operation) =>
        Assert.Single((await Assert.ThrowsAsync<PolicyRefusedException>(() => _f.Do(operation))).Findings);

    [Fact]
    public async Task Y9_2_AReasonForSendingBackWithABidiOverride_IsRefused_AndTheDraftStaysAsItWas()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        var finding = await Refused(w => new RejectDraft(w).RunAsync(Distributor(), draft.Id, "場所が\u202E詳しすぎる"));
        Assert.Equal(("Y9.2", "draft.reject-reason-character"), (finding.Clause, finding.Code));
        Assert.Equal("差し戻しの理由に使えない文字（U+202E）が含まれています。削除して入力し直してください。", finding.Message);
        await using var db = _f.Open();
        var stored = await db.Drafts.SingleAsync(d => d.Id == draft.Id);
        Assert.NotEqual(DraftStatus.Rejected, stored.Status);
        Assert.Null(stored.RejectionReason);
    }

    [Fact]
    public async Task Y9_3_ACancellationReasonWithABell_IsRefused_AndTheAlertStaysScheduled()
    {
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23, 10));
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await _f.Do(w => new ApproveDraft(w).RunAsync(DutyOfficer(), draft.Id, AllConfirmed));
        var sent = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        var finding = await Refused(w => new CancelAlert(w).RunAsync(Staff(), sent.AlertId, "誤り\u0007"));
        Assert.Equal(("Y9.3", "alert.reason-character"), (finding.Clause, finding.Code));
        Assert.Contains("理由に使えない文字（U+0007）", finding.Message, StringComparison.Ordinal);
        await using var db = _f.Open();
        Assert.NotEqual(AlertStatus.Cancelled, (await db.Alerts.SingleAsync(a => a.Id == sent.AlertId)).Status);
    }

    [Fact]
    public async Task Y12_3_AnAbnormalityReportWithANul_IsRefused_AndNothingIsFiled()
    {
        var finding = await Refused(w => new ReportAbnormality(w).RunAsync(Staff(), "誤配信の\0おそれ"));
        Assert.Equal(("Y12.3(2)", "abnormality.description-character"), (finding.Clause, finding.Code));
        Assert.Contains("異常の内容に使えない文字（U+0000）", finding.Message, StringComparison.Ordinal);
        await using var db = _f.Open();
        Assert.Empty(await db.AbnormalityReports.ToListAsync());
    }
}
