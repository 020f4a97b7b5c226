using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Every refusal path of the workflow: typed error with findings, nothing written but the audit event.</summary>
public sealed class RefusalTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<PolicyRefusedException> Refused<T>(Func<AnshinMail.Rules.Workflow.WorkflowContext, Task<T>> operation) =>
        await Assert.ThrowsAsync<PolicyRefusedException>(() => _f.Do(operation));

    private async Task<Draft> Draft() => await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));

    private async Task<string> LastAudit()
    {
        await using var db = _f.Open();
        var e = await db.AuditEvents.OrderByDescending(x => x.Id).FirstAsync();
        return $"{e.Action}:{e.Outcome}:{e.Detail}";
    }

    [Fact]
    public async Task Y7_2_ARoleWithoutStaffDutiesCannotWriteDrafts()
    {
        var e = await Refused(w => new CreateDraft(w).RunAsync(SecurityManager, Input()));
        Assert.Contains(e.Findings, f => f.Code == "role.not-staff");
        Assert.Equal("draft.create:refused:配信文を扱えるのは所属の職員です。（role.not-staff）", await LastAudit());
    }

    [Fact]
    public async Task Y7_2_OtherUnitCannotEditApproveOrSend()
    {
        var draft = await Draft();
        var other = Staff("nagano-minami", "minami1");
        Assert.Contains((await Refused(w => new EditDraft(w).RunAsync(other, draft.Id, Input()))).Findings, f => f.Code == "unit.other");
        Assert.Contains((await Refused(w => new ApproveDraft(w).RunAsync(Distributor("nagano-minami", "minami-head"), draft.Id, AllConfirmed))).Findings,
            f => f.Code is "unit.other" or "approval.other-unit");
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        Assert.Contains((await Refused(w => new SendAlert(w).RunAsync(other, draft.Id, true))).Findings, f => f.Code == "unit.other");
    }

    [Fact]
    public async Task Y9_2_StaffCannotApprove()
    {
        var draft = await Draft();
        var e = await Refused(w => new ApproveDraft(w).RunAsync(Staff(id: "staff2"), draft.Id, AllConfirmed));
        Assert.Contains(e.Findings, f => f.Code == "approval.not-entitled");
        await using var db = _f.Open();
        Assert.Empty(await db.Approvals.ToListAsync());
        Assert.Empty(await db.LedgerEntries.ToListAsync());
    }

    [Fact]
    public async Task Y11_1_MissingPrivacyConfirmationsAreRefused()
    {
        var draft = await Draft();
        var some = new AnshinMail.Rules.Workflow.ApprovalInput { Confirmations = AllConfirmations.Take(2).ToHashSet() };
        var e = await Refused(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, some));
        Assert.Contains(e.Findings, f => f.Clause == "Y11.1" && f.Severity == Severity.Block);
    }

    [Fact]
    public async Task Y9_3_SendWithoutApprovalIsRefused()
    {
        var draft = await Draft();
        var e = await Refused(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        Assert.Contains(e.Findings, f => f.Code == "send.not-approved");
    }

    [Fact]
    public async Task Y9_3_EditedAfterApprovalNeedsANewApproval()
    {
        var draft = await Draft();
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        var edited = Input(fields: Fields with { Place = "長野市大字南長野" });
        var after = await _f.Do(w => new EditDraft(w).RunAsync(Staff(), draft.Id, edited));
        Assert.Equal(2, after.Version);
        Assert.Equal(DraftStatus.Writing, after.Status);
        var e = await Refused(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        Assert.Contains(e.Findings, f => f.Code == "send.approval-stale");
        Assert.Equal(2, (await _f.Do(w => new DraftVersions(w).RunAsync(draft.Id))).Count);
    }

    [Fact]
    public async Task Y9_3_SendWithoutRecheckIsRefused()
    {
        var draft = await Draft();
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        var e = await Refused(w => new SendAlert(w).RunAsync(Staff(), draft.Id, rechecked: false));
        Assert.Contains(e.Findings, f => f.Code == "send.not-rechecked");
        await using var db = _f.Open();
        Assert.Empty(await db.Alerts.ToListAsync());
    }

    [Fact]
    public async Task Y9_3_AReleasedDraftCannotBeSentTwiceOrEdited()
    {
        var sent = await _f.SentAlert();
        await using var db = _f.Open();
        var draftId = (await db.Alerts.SingleAsync()).DraftId;
        Assert.Contains((await Refused(w => new SendAlert(w).RunAsync(Staff(), draftId, true))).Findings, f => f.Code == "send.already");
        Assert.Contains((await Refused(w => new EditDraft(w).RunAsync(Staff(), draftId, Input()))).Findings, f => f.Code == "draft.released");
        Assert.True(sent.AlertId > 0);
    }

    [Fact]
    public async Task Y9_4_EmergencyOnlyByTheDistributorWithAllFourConditions()
    {
        var draft = await Draft();
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23, 30));
        Assert.Contains((await Refused(w => new EmergencySend(w).RunAsync(Staff(), draft.Id, AllEmergencyConditions))).Findings, f => f.Severity == Severity.Block);
        var three = AllEmergencyConditions.Take(3).ToHashSet();
        Assert.Contains((await Refused(w => new EmergencySend(w).RunAsync(Distributor(), draft.Id, three))).Findings, f => f.Clause == "Y9.4");
        var outcome = await _f.Do(w => new EmergencySend(w).RunAsync(Distributor(), draft.Id, AllEmergencyConditions));
        Assert.Equal(SendTiming.Emergency, outcome.Timing);
        await using var db = _f.Open();
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal(AlertStatus.Sending, alert.Status);
        Assert.True(alert.Emergency);
        Assert.Equal(4, alert.EmergencyConditions.Count);
    }

    [Fact]
    public async Task Y9_4_EmergencyInsideSendingHoursIsRefused()
    {
        var draft = await Draft();
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        var e = await Refused(w => new EmergencySend(w).RunAsync(Distributor(), draft.Id, AllEmergencyConditions));
        Assert.Contains(e.Findings, f => f.Code == "emergency.not-needed");
    }

    [Fact]
    public async Task Y9_1_BadInputIsRefusedInJapanese()
    {
        var e = await Refused(w => new CreateDraft(w).RunAsync(Staff(), Input(fields: Fields with { Headline = " " })));
        Assert.Contains(e.Findings, f => f.Code == "draft.no-headline" && f.Message.Contains("見出し"));
        e = await Refused(w => new CreateDraft(w).RunAsync(Staff(), Input() with { CategoryId = "nope" }));
        Assert.Contains(e.Findings, f => f.Code == "draft.unknown-category");
        e = await Refused(w => new CreateDraft(w).RunAsync(Staff(), Input(areas: ["どこでもない町"])));
        Assert.Contains(e.Findings, f => f.Clause == "T3(2)" || f.Code.StartsWith("scope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Y9_2_RejectNeedsAnApproverAndAReason()
    {
        var draft = await Draft();
        Assert.Contains((await Refused(w => new RejectDraft(w).RunAsync(Staff(), draft.Id, "だめ"))).Findings, f => f.Code == "approval.not-entitled");
        Assert.Contains((await Refused(w => new RejectDraft(w).RunAsync(Distributor(), draft.Id, " "))).Findings, f => f.Code == "draft.reject-reason");
        var rejected = await _f.Do(w => new RejectDraft(w).RunAsync(Distributor(), draft.Id, "場所の記載が詳しすぎます"));
        Assert.Equal(DraftStatus.Rejected, rejected.Status);
        Assert.Equal("場所の記載が詳しすぎます", rejected.RejectionReason);
    }

    [Fact]
    public async Task Y11_3_FollowUpOfAnotherUnitsAlertIsRefused()
    {
        var sent = await _f.SentAlert();
        var e = await Refused(w => new CreateFollowUp(w).RunAsync(Staff("nagano-minami", "minami1"), sent.AlertId, FollowUpKind.Correction));
        Assert.Contains(e.Findings, f => f.Code == "follow-up.other-unit");
    }
}
