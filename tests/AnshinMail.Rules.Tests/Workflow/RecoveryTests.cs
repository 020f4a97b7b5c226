using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Delivery;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Y9.3, Y11.2, Y11.3: stopping, cancelling, withdrawing and closing an alert that was wrong or is done.</summary>
public sealed class RecoveryTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<SendOutcome> Scheduled(string[]? areas = null)
    {
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23, 10));
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), WorkflowFixture.Input(areas: areas)));
        await _f.Do(w => new ApproveDraft(w).RunAsync(DutyOfficer(), draft.Id, WorkflowFixture.AllConfirmed));
        var sent = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        Assert.Equal(SendTiming.Hold, sent.Timing);
        return sent;
    }

    private async Task<Alert> Load(long id)
    {
        await using var db = _f.Open();
        return await db.Alerts.SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task Y9_3_AScheduledAlertCancelledBeforeItsTime_SendsNothing_WithdrawsItsRequests_AndTheLedgerSaysWhy()
    {
        await using (var db = _f.Open())
        {
            _f.Subscribe(db, "a@example.jp");
            await db.SaveChangesAsync();
        }
        // The distribution request for 長野市南部 is filed at release; the Yahoo relay waits until it goes out (T4(2)).
        var sent = await Scheduled(["長野市北部", "長野市南部"]);
        Assert.NotEmpty(sent.RequestIds);
        var cancelled = await _f.Do(w => new CancelAlert(w).RunAsync(Staff(), sent.AlertId, "発生場所の誤り"));
        Assert.Equal(AlertStatus.Cancelled, cancelled.Status);

        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 6, 5));
        var transport = new RecordingTransport();
        await _f.Runner(transport).RunOnceAsync();
        Assert.Empty(transport.Handed);
        await using var check = _f.Open();
        Assert.All(await check.Requests.Where(r => sent.RequestIds.Contains(r.Id)).ToListAsync(),
            r => Assert.Equal(RequestStatus.Withdrawn, r.Status));
        Assert.DoesNotContain(await check.Requests.ToListAsync(), r => r.Kind == RequestKind.YahooRelay);
        var entry = await check.LedgerEntries.SingleAsync(e => e.Id == cancelled.LedgerEntryId);
        Assert.StartsWith("取消 2026年11月27日（金）23:10 staff1: 発生場所の誤り", entry.Withdrawal);
        Assert.NotNull(entry.ScheduledFor); // when it would have gone out stays on record
        Assert.Equal(DraftStatus.Writing, (await check.Drafts.SingleAsync(d => d.Id == cancelled.DraftId)).Status);
        Assert.Contains(check.AuditEvents, e => e.Action == "alert.cancel" && e.Outcome == "ok" && e.Actor == "staff1");
    }

    [Fact]
    public async Task Y9_3_OnlyTheUnitCancels_WithAReason_AndOnlyWhatIsScheduled()
    {
        var sent = await Scheduled();
        var other = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CancelAlert(w).RunAsync(Staff("suzaka"), sent.AlertId, "理由")));
        Assert.Equal("unit.other", other.Findings.Single().Code);
        var noReason = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CancelAlert(w).RunAsync(Staff(), sent.AlertId, " ")));
        Assert.Equal("alert.reason", noReason.Findings.Single().Code);
        await _f.Do(w => new CancelAlert(w).RunAsync(Distributor(), sent.AlertId, "誤り"));
        var again = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CancelAlert(w).RunAsync(Staff(), sent.AlertId, "誤り")));
        Assert.Equal("alert.not-scheduled", again.Findings.Single().Code);
    }

    /// <summary>Y9.3: a held alert can be corrected: the edit cancels the schedule and a new approval is needed.</summary>
    [Fact]
    public async Task Y9_3_EditingAHeldAlert_CancelsTheSchedule_AndNeedsANewApproval()
    {
        var sent = await Scheduled();
        var draftId = (await Load(sent.AlertId)).DraftId;
        var edited = await _f.Do(w => new EditDraft(w).RunAsync(Staff(), draftId,
            WorkflowFixture.Input(fields: Fields with { Place = "長野市大字南長野" })));
        Assert.Equal((DraftStatus.Writing, 2), (edited.Status, edited.Version));
        Assert.Equal(AlertStatus.Cancelled, (await Load(sent.AlertId)).Status);
        var refused = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new SendAlert(w).RunAsync(Staff(), draftId, true)));
        Assert.Contains(refused.Findings, f => f.Code == "send.approval-stale");
        await _f.Do(w => new ApproveDraft(w).RunAsync(DutyOfficer(), draftId, WorkflowFixture.AllConfirmed));
        var again = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draftId, true));
        Assert.NotEqual(sent.AlertId, again.AlertId);
        var view = await _f.Do(w => new ViewDraft(w).RunAsync(Staff(), draftId));
        Assert.Equal(again.AlertId, view.Alert!.Id);
    }

    /// <summary>Y9.3 with a real SMTP server: after the brake at most connections × batch more messages, none after that.</summary>
    [Fact]
    public async Task Y9_3_StoppingWhileSending_StopsWithinOneBatchPerConnection_AndKeepsTheCounts()
    {
        await using (var db = _f.Open())
        {
            for (var i = 0; i < 200; i++) _f.Subscribe(db, $"s{i:000}@example.jp");
            await db.SaveChangesAsync();
        }
        await using var smtp = new TestSmtpServer().Start();
        var options = new DeliveryOptions
        {
            Transport = "smtp", Host = "127.0.0.1", Port = smtp.Port, BatchSize = 10, Connections = 2,
            RetryDelay = TimeSpan.FromMilliseconds(5),
        };
        var sent = await _f.SentAlert();
        var brake = new BrakingTransport(MailTransports.Create(options), 25,
            () => _f.Do(w => new StopAlert(w).RunAsync(Staff(), sent.AlertId, "本文の誤り")));
        await _f.Runner(brake, options).RunOnceAsync();
        var atStop = smtp.Accepted.Count;
        Assert.InRange(atStop, 25, 25 + options.Connections * options.BatchSize);
        await _f.Runner(brake, options).RunOnceAsync();
        Assert.Equal(atStop, smtp.Accepted.Count);

        var alert = await Load(sent.AlertId);
        Assert.Equal(AlertStatus.Stopped, alert.Status);
        Assert.Equal(200, alert.Recipients);
        Assert.Equal(atStop, alert.Delivered);
        await using var db2 = _f.Open();
        var progress = (await DeliveryProgress.OfAsync(db2, sent.AlertId, _f.Clock))!;
        Assert.Equal(200 - atStop, progress.Remaining);
        Assert.StartsWith("停止 ", (await db2.LedgerEntries.SingleAsync(e => e.Id == alert.LedgerEntryId)).Withdrawal);

        // The correction goes to those who got the stopped alert, and to no one else.
        var received = smtp.Accepted.Select(m => m.To.Mailboxes.Single().Address).ToHashSet();
        var correction = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Correction));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), correction.Id, WorkflowFixture.AllConfirmed));
        var fixedAlert = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), correction.Id, true));
        await _f.Runner(MailTransports.Create(options), options).RunOnceAsync();
        var corrections = smtp.Accepted.Skip(atStop).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(received.Order(), corrections.Order());
        Assert.Equal(AlertStatus.Sent, (await Load(fixedAlert.AlertId)).Status);
    }

    [Fact]
    public async Task Y11_3_ASentAlertWithdrawnFromThePublicSide_IsRecordedWithWhoWhenWhy()
    {
        var sent = await _f.SentAlert();
        var withdrawn = await _f.Do(w => new WithdrawAlert(w).RunAsync(Staff(), sent.AlertId, "別事案と判明"));
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal(("staff1", "別事案と判明"), (withdrawn.WithdrawnBy, withdrawn.WithdrawalReason));
        await using var db = _f.Open();
        Assert.StartsWith("公開取消 ", (await db.LedgerEntries.SingleAsync(e => e.Id == withdrawn.LedgerEntryId)).Withdrawal);
        var twice = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new WithdrawAlert(w).RunAsync(Staff(), sent.AlertId, "再度")));
        Assert.Equal("alert.withdrawn", twice.Findings.Single().Code);
    }

    [Fact]
    public async Task Y11_2_TheDistributorClosesAnOpenIncidentWithoutAResolution_NoMail_LedgerRecordsIt()
    {
        var sent = await _f.SentAlert();
        Assert.Single(await _f.Do(w => new OpenAlerts(w).RunAsync(Station)));
        var notHead = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CloseWithoutResolution(w).RunAsync(Staff(), sent.AlertId, "解除すべき事案なし")));
        Assert.Equal("alert.not-distributor", notHead.Findings.Single().Code);
        await _f.Do(w => new CloseWithoutResolution(w).RunAsync(Distributor(), sent.AlertId, "解除すべき事案なし"));
        Assert.Empty(await _f.Do(w => new OpenAlerts(w).RunAsync(Station)));
        await using var db = _f.Open();
        var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.StartsWith("終結 ", (await db.LedgerEntries.SingleAsync(e => e.Id == alert.LedgerEntryId)).Closure);
        Assert.Single(await db.Alerts.ToListAsync()); // no mail, no new alert
    }

    /// <summary>T3(2), Y11.3: the station that asked HQ to send resolves it the way the original went: by a request to HQ.</summary>
    [Fact]
    public async Task Y11_3_TheRequestingStationAsksTheSenderForTheResolution_TheSenderTakesItOver()
    {
        const string division = "jinshin-anzen-shonen";
        var asked = await _f.Do(w => new FileDistributionRequest(w).RunAsync(Staff(), WorkflowFixture.Input(areas: ["長野市南部"])));
        var draft = await _f.Do(w => new TakeOverRequest(w).RunAsync(Staff(division, "hq1"), asked.Id));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(division, "hq-head"), draft.Id, WorkflowFixture.AllConfirmed));
        var sent = await _f.Do(w => new SendAlert(w).RunAsync(Staff(division, "hq1"), draft.Id, true));

        // The station may not write the follow-up itself, but it may ask for it, once.
        var own = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Resolution)));
        Assert.NotEmpty(own.Findings);
        var request = await _f.Do(w => new RequestFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Resolution));
        Assert.Equal((RequestKind.FollowUp, division, FollowUpKind.Resolution), (request.Kind, request.ToUnitId, request.FollowUpKind));
        var twice = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new RequestFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Resolution)));
        Assert.Equal("request.pending", twice.Findings.Single().Code);
        var stranger = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new RequestFollowUp(w).RunAsync(Staff("suzaka"), sent.AlertId, FollowUpKind.Resolution)));
        Assert.Equal("unit.other", stranger.Findings.Single().Code);

        var resolution = await _f.Do(w => new TakeOverRequest(w).RunAsync(Staff(division, "hq1"), request.Id));
        Assert.Equal((sent.AlertId, FollowUpKind.Resolution, Station),
            (resolution.FollowUpOfAlertId!.Value, resolution.FollowUpKind!.Value, resolution.RequestingUnitId));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(division, "hq-head"), resolution.Id, WorkflowFixture.AllConfirmed));
        await _f.Do(w => new SendAlert(w).RunAsync(Staff(division, "hq1"), resolution.Id, true));
        Assert.NotNull((await Load(sent.AlertId)).ResolvedAt);
        Assert.Empty(await _f.Do(w => new OpenAlerts(w).RunAsync(Station)));
    }

    /// <summary>Y11.3: a follow-up answers an alert someone got: never a cancelled one, a follow-up, or an unknown kind.</summary>
    [Fact]
    public async Task Y11_3_NoFollowUpOfACancelledAlert_OfAFollowUp_OrOfAnUnknownKind()
    {
        var scheduled = await Scheduled();
        await _f.Do(w => new CancelAlert(w).RunAsync(Staff(), scheduled.AlertId, "誤り"));
        _f.Clock.SetUtcNow(Jst(2026, 11, 30, 10));
        var ofCancelled = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), scheduled.AlertId, FollowUpKind.Correction)));
        Assert.Contains(ofCancelled.Findings, f => f.Code == "follow-up.original-not-sent");

        var sent = await _f.SentAlert();
        var unknown = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, (FollowUpKind)99)));
        Assert.Equal("follow-up.kind", unknown.Findings.Single().Code);
        var correction = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Correction));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), correction.Id, WorkflowFixture.AllConfirmed));
        var corrected = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), correction.Id, true));
        var ofFollowUp = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), corrected.AlertId, FollowUpKind.Correction)));
        Assert.Equal("follow-up.of-follow-up", ofFollowUp.Findings.Single().Code);
    }

    /// <summary>Y11.2, Y11.3: a withdrawn alert was declared void to the public: it no longer owes a resolution.</summary>
    [Fact]
    public async Task Y11_2_AWithdrawnAlertIsNoLongerAnOpenIncident()
    {
        var sent = await _f.SentAlert();
        await _f.Do(w => new WithdrawAlert(w).RunAsync(Staff(), sent.AlertId, "別事案と判明"));
        Assert.Empty(await _f.Do(w => new OpenAlerts(w).RunAsync(Station)));
        var view = await _f.Do(w => new ViewAlert(w).RunAsync(Staff(), sent.AlertId));
        Assert.DoesNotContain(AlertAction.Resolve, view.NextActions);
    }
}
