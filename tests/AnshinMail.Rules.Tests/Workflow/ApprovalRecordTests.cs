using System.Text;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Views;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// Y9.2, Y10: what the record keeps of approvals (every one, in order, by name) and the regime the person
/// approving is told before they approve.
/// </summary>
public sealed class ApprovalRecordTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public ApprovalRecordTests()
    {
        using var db = _f.Open();
        foreach (var (id, name) in new[] { ("staff1", "長野 太郎"), ("head1", "中央 一郎"), ("pr1", "広報 花子") })
            db.Accounts.Single(a => a.UserId == id).DisplayName = name;
        db.SaveChanges();
    }

    public void Dispose() => _f.Dispose();

    /// <summary>Y10: a re-approval (after an edit voided the first, Y9.3) is added to the ledger entry; the first
    /// approval stays on record, in order, and the CSV shows both by name.</summary>
    [Fact]
    public async Task Y10_ReApproval_KeepsEveryApprovalInOrder_OnTheEntryAndInTheCsv()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        var edited = Input() with { Fields = Fields with { Headline = "声かけ事案の発生（続報）" } };
        await _f.Do(w => new EditDraft(w).RunAsync(Staff(), draft.Id, edited));
        _f.Clock.Advance(TimeSpan.FromMinutes(20));
        await _f.Do(w => new ApproveDraft(w).RunAsync(PrOfficer(), draft.Id,
            new ApprovalInput { Confirmations = AllConfirmations, DistributorAbsent = true }));

        await using var db = _f.Open();
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.Equal(
            [(1, "head1", nameof(ApprovalRegime.Distributor)), (2, "pr1", nameof(ApprovalRegime.PrOfficer))],
            entry.Approvals.Select(a => (a.Version, a.ApproverId, a.Regime)));
        Assert.True(entry.Approvals[0].At < entry.Approvals[1].At);
        Assert.Equal("pr1", entry.ApproverId);
        Assert.Contains("続報", entry.Subject);

        using var stream = new MemoryStream();
        await _f.Workflow(db).Ledger.ExportCsvAsync(2026, stream);
        var csv = Encoding.UTF8.GetString(stream.ToArray());
        var history = "第1版 2026年11月27日（金）14:00 中央 一郎（情報配信者）"
            + "／第2版 2026年11月27日（金）14:20 広報 花子（広報活動責任者（事後報告））";
        Assert.Contains(history, csv);
        Assert.Contains(",長野 太郎,広報 花子,広報活動責任者（事後報告）,", csv);
        Assert.DoesNotContain("head1", csv);
        Assert.DoesNotContain("PrOfficer", csv);
    }

    /// <summary>Y9.2: during the duty system the unit head still approves as 情報配信者 (the record says so), the
    /// duty officer as 当直責任者, and the PR officer not at all; the view tells each before they approve.</summary>
    [Fact]
    public async Task Y9_2_TheViewStatesTheRegimeOfThePersonApproving_AtNight()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23, 30));
        Assert.Equal(new ApproverStanding(ApprovalRegime.Distributor, false), await Standing(Distributor(), draft.Id));
        Assert.Equal(new ApproverStanding(ApprovalRegime.DutyOfficer, false), await Standing(DutyOfficer(), draft.Id));
        Assert.Equal(new ApproverStanding(null, false), await Standing(PrOfficer(), draft.Id));
        Assert.Null((await _f.Do(w => new ViewDraft(w).RunAsync(Staff(), draft.Id))).Approving);

        var approval = await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        Assert.Equal(ApprovalRegime.Distributor, approval.Regime);
    }

    /// <summary>Y9.2 ただし書き: by day the PR officer's approval counts only when they state the distributor is
    /// absent; the view says so.</summary>
    [Fact]
    public async Task Y9_2_ByDay_ThePrOfficerIsToldTheirApprovalCountsOnlyDeclaringAbsence()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        Assert.Equal(new ApproverStanding(ApprovalRegime.PrOfficer, true), await Standing(PrOfficer(), draft.Id));
        Assert.Equal(new ApproverStanding(null, false), await Standing(DutyOfficer(), draft.Id));
    }

    private async Task<ApproverStanding?> Standing(Person person, long draftId) =>
        (await _f.Do(w => new ViewDraft(w).RunAsync(person, draftId))).Approving;
}
