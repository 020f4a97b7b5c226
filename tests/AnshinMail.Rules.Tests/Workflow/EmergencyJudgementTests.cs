using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// Y9.4 ただし書き, Y9.3: at night staff register and send the emergency on the judgement the unit's distributor gave
/// by phone or in person; who judged, when, how and the four conditions are recorded with who operated, and the
/// distributor confirms it afterwards.
/// </summary>
public sealed class EmergencyJudgementTests : IDisposable
{
    private static readonly DateTimeOffset Night = Jst(2026, 11, 27, 23, 30);
    private readonly WorkflowFixture _f = new();

    public EmergencyJudgementTests()
    {
        using var db = _f.Open();
        foreach (var p in new[] { Distributor(id: "head2"), Distributor("suzaka", "head-suzaka") })
            db.Accounts.Add(new PersonAccount
            {
                UserId = p.Id, DisplayName = $"{p.Id}の氏名", UnitId = p.UnitId, Roles = p.Roles.ToList(),
                PasswordHash = "x", PasswordSetAt = _f.Clock.GetUtcNow(), CreatedAt = _f.Clock.GetUtcNow(),
            });
        db.SaveChanges();
    }

    public void Dispose() => _f.Dispose();

    private async Task<long> ApprovedThenNight()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        _f.Clock.SetUtcNow(Night);
        return draft.Id;
    }

    private static JudgementInput Judged(string judge = "head1", JudgementMeans means = JudgementMeans.Phone,
        DateTimeOffset? at = null, IReadOnlySet<string>? conditions = null) => new()
    {
        JudgeId = judge,
        Means = means,
        JudgedAt = at ?? Night.AddMinutes(-10),
        Conditions = conditions ?? AllEmergencyConditions,
        Rechecked = true,
    };

    private async Task<PolicyRefusedException> Refused(long draftId, JudgementInput input, Person? actor = null) =>
        await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new EmergencySendOnJudgement(w).RunAsync(actor ?? Staff(), draftId, input)));

    [Fact]
    public async Task Y9_4_StaffSendsAt2330OnThePhoneJudgement_RecordedInLedgerAndOwedUntilConfirmed()
    {
        var draftId = await ApprovedThenNight();
        var outcome = await _f.Do(w => new EmergencySendOnJudgement(w).RunAsync(DutyOfficer(), draftId, Judged()));
        Assert.Equal(SendTiming.Emergency, outcome.Timing);

        await using (var db = _f.Open())
        {
            var j = await db.EmergencyJudgements.SingleAsync();
            Assert.Equal(("head1", "duty1", JudgementMeans.Phone, Night.AddMinutes(-10)),
                (j.JudgeId, j.OperatorId, j.Means, j.JudgedAt.ToOffset(Night.Offset)));
            Assert.Equal(AllEmergencyConditions.Order(StringComparer.Ordinal), j.Conditions);
            Assert.True((await db.Alerts.SingleAsync(a => a.Id == outcome.AlertId)).Emergency);
            var entry = await db.LedgerEntries.SingleAsync();
            Assert.True(entry.Emergency);
            Assert.Equal(("head1", "duty1", "電話 2026-11-27 23:20", LedgerCsv.ConfirmationOpen),
                (entry.EmergencyJudge, entry.EmergencyOperator, entry.EmergencyJudgement, entry.EmergencyConfirmation));
            var row = new LedgerCsv(TestBook.Book, TestBook.Calendar.ToLocal, new AnshinMail.Rules.Accounts.StaffNames(new Dictionary<string, string>())).Row(entry);
            foreach (var c in TestBook.Book.EmergencyConditions) Assert.Contains(c.Text, row[LedgerCsv.Header.ToList()
                .IndexOf("緊急配信の要件")]);
        }
        var owed = Assert.Single(await _f.Do(w => new OpenEmergencyConfirmations(w).RunAsync(Station)));

        var notJudge = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new ConfirmEmergencyJudgement(w).RunAsync(Distributor(id: "head2"), owed.Id)));
        Assert.Contains(notJudge.Findings, f => f.Code == "emergency.not-judge");
        await _f.Do(w => new ConfirmEmergencyJudgement(w).RunAsync(Distributor(), owed.Id));
        Assert.Empty(await _f.Do(w => new OpenEmergencyConfirmations(w).RunAsync(Station)));
        await using var after = _f.Open();
        Assert.StartsWith(LedgerCsv.ConfirmationDone, (await after.LedgerEntries.SingleAsync()).EmergencyConfirmation);
    }

    [Fact]
    public async Task Y9_4_JudgeOfAnotherUnitOrNotADistributor_RefusedAndNothingSent()
    {
        var draftId = await ApprovedThenNight();
        foreach (var judge in new[] { "head-suzaka", "pr1", "duty1" })
            Assert.Contains((await Refused(draftId, Judged(judge))).Findings,
                f => f.Code == "send.emergency-not-justified");
        Assert.Contains((await Refused(draftId, Judged("nobody"))).Findings, f => f.Code == "emergency.judge-unknown");
        await using var db = _f.Open();
        Assert.Empty(await db.Alerts.ToListAsync());
        Assert.Empty(await db.EmergencyJudgements.ToListAsync());
    }

    [Fact]
    public async Task Y9_4_JudgementIncompleteOrUnrecorded_Refused()
    {
        var draftId = await ApprovedThenNight();
        Assert.Contains((await Refused(draftId, Judged(conditions: AllEmergencyConditions.Skip(1).ToHashSet())))
            .Findings, f => f.Code == "send.emergency-not-justified");
        Assert.Contains((await Refused(draftId, Judged(means: JudgementMeans.Self))).Findings,
            f => f.Code == "emergency.means");
        Assert.Contains((await Refused(draftId, Judged(at: Night.AddMinutes(5)))).Findings,
            f => f.Code == "emergency.judged-at");
        Assert.Contains((await Refused(draftId, Judged(at: Night.AddHours(-24).AddMinutes(-1)))).Findings,
            f => f.Code == "emergency.judged-at");
        Assert.Contains((await Refused(draftId, Judged() with { Rechecked = false })).Findings,
            f => f.Code == "send.not-rechecked");
        Assert.Contains((await Refused(draftId, Judged(), Staff("suzaka", "staff-suzaka"))).Findings,
            f => f.Code == "unit.other");
    }

    /// <summary>The 署長 is phoned first and the draft written after: a judgement older than the draft counts.</summary>
    [Fact]
    public async Task Y9_4_AJudgementGivenBeforeTheDraftWasWritten_Counts()
    {
        var draftId = await ApprovedThenNight();
        var before = Jst(2026, 11, 27, 13, 0); // the draft was written at 14:00
        var outcome = await _f.Do(w => new EmergencySendOnJudgement(w).RunAsync(DutyOfficer(), draftId,
            Judged(at: before)));
        await using var db = _f.Open();
        Assert.Equal(before, (await db.EmergencyJudgements.SingleAsync(j => j.AlertId == outcome.AlertId)).JudgedAt);
    }

    [Fact]
    public async Task Y9_4_InsideSendingHours_NoEmergencyOnJudgement()
    {
        var draftId = await ApprovedThenNight();
        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 9));
        Assert.Contains((await Refused(draftId, Judged(at: Jst(2026, 11, 28, 8, 50)))).Findings,
            f => f.Code == "emergency.not-needed");
    }

    [Fact]
    public async Task Y9_4_DistributorsOwnEmergency_LedgerNamesThemAndOwesNoConfirmation()
    {
        var draftId = await ApprovedThenNight();
        await _f.Do(w => new EmergencySend(w).RunAsync(Distributor(), draftId, AllEmergencyConditions));
        await using var db = _f.Open();
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.Equal(("head1", "head1", LedgerCsv.PostReportNone), (entry.EmergencyJudge, entry.EmergencyOperator,
            entry.EmergencyConfirmation));
        Assert.Empty(await _f.Do(w => new OpenEmergencyConfirmations(w).RunAsync(Station)));
    }
}
