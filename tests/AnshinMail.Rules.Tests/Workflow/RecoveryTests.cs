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

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Y9.3, Y11.2, Y11.3: stopping, cancelling, withdrawing and closing an alert that was wrong or is done, in
/// each book of rules/ (Nagano and the fictional sample prefecture): the book's station, neighbours, child category
/// and its division, sending hours and duty system.</summary>
public sealed class RecoveryTests
{
    public static TheoryData<string> Books => BookCases.Both;

    /// <summary>Ten minutes after the book's sending hours close on Friday 2026-11-27: outside the hours and inside
    /// the book's duty system, so the duty officer approves and the alert is held for the next opening.</summary>
    private static TimeOnly AfterClosing(BookCases b) => b.Closes.AddMinutes(10);

    /// <summary>The first area of the station's first neighbour: outside the station, so a distribution request.</summary>
    private static string NeighbourArea(BookCases b) => b.Neighbour.Jurisdiction[0];

    private static async Task<SendOutcome> Scheduled(WorkflowFixture f, string[]? areas = null)
    {
        var b = f.Book;
        f.Clock.SetUtcNow(BookCases.On(2026, 11, 27, AfterClosing(b)));
        var draft = await f.Do(w => new CreateDraft(w).RunAsync(b.Staff(), f.InputInBook(areas: areas)));
        await f.Do(w => new ApproveDraft(w).RunAsync(b.DutyOfficer(), draft.Id, f.AllConfirmedInBook));
        var sent = await f.Do(w => new SendAlert(w).RunAsync(b.Staff(), draft.Id, true));
        Assert.Equal(SendTiming.Hold, sent.Timing);
        return sent;
    }

    private static async Task<Alert> Load(WorkflowFixture f, long id)
    {
        await using var db = f.Open();
        return await db.Alerts.SingleAsync(a => a.Id == id);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y9_3_AScheduledAlertCancelledBeforeItsTime_SendsNothing_WithdrawsItsRequests_AndTheLedgerSaysWhy(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        await using (var db = f.Open())
        {
            f.Subscribe(db, "a@example.jp");
            await db.SaveChangesAsync();
        }
        // The distribution request for the neighbour's area is filed at release; the Yahoo relay waits until it goes
        // out (T4(2)).
        var sent = await Scheduled(f, [b.Area, NeighbourArea(b)]);
        Assert.NotEmpty(sent.RequestIds);
        var cancelled = await f.Do(w => new CancelAlert(w).RunAsync(b.Staff(), sent.AlertId, "発生場所の誤り"));
        Assert.Equal(AlertStatus.Cancelled, cancelled.Status);

        f.Clock.SetUtcNow(BookCases.On(2026, 11, 28, b.Opens.AddMinutes(5)));
        var transport = new RecordingTransport();
        await f.Runner(transport).RunOnceAsync();
        Assert.Empty(transport.Handed);
        await using var check = f.Open();
        Assert.All(await check.Requests.Where(r => sent.RequestIds.Contains(r.Id)).ToListAsync(),
            r => Assert.Equal(RequestStatus.Withdrawn, r.Status));
        Assert.DoesNotContain(await check.Requests.ToListAsync(), r => r.Kind == RequestKind.YahooRelay);
        var entry = await check.LedgerEntries.SingleAsync(e => e.Id == cancelled.LedgerEntryId);
        Assert.StartsWith($"取消 2026年11月27日（金）{AfterClosing(b):HH\\:mm} staff1: 発生場所の誤り", entry.Withdrawal);
        Assert.NotNull(entry.ScheduledFor); // when it would have gone out stays on record
        Assert.Equal(DraftStatus.Writing, (await check.Drafts.SingleAsync(d => d.Id == cancelled.DraftId)).Status);
        Assert.Contains(check.AuditEvents, e => e.Action == "alert.cancel" && e.Outcome == "ok" && e.Actor == "staff1");
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y9_3_OnlyTheUnitCancels_WithAReason_AndOnlyWhatIsScheduled(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var sent = await Scheduled(f);
        var other = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CancelAlert(w).RunAsync(b.Staff(b.Neighbour.Id), sent.AlertId, "理由")));
        Assert.Equal("unit.other", other.Findings.Single().Code);
        var noReason = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CancelAlert(w).RunAsync(b.Staff(), sent.AlertId, " ")));
        Assert.Equal("alert.reason", noReason.Findings.Single().Code);
        await f.Do(w => new CancelAlert(w).RunAsync(b.Distributor(), sent.AlertId, "誤り"));
        var again = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CancelAlert(w).RunAsync(b.Staff(), sent.AlertId, "誤り")));
        Assert.Equal("alert.not-scheduled", again.Findings.Single().Code);
    }

    /// <summary>Y9.3: a held alert can be corrected: the edit cancels the schedule and a new approval is needed.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y9_3_EditingAHeldAlert_CancelsTheSchedule_AndNeedsANewApproval(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var sent = await Scheduled(f);
        var draftId = (await Load(f, sent.AlertId)).DraftId;
        var edited = await f.Do(w => new EditDraft(w).RunAsync(b.Staff(), draftId,
            f.InputInBook() with { Fields = b.Fields with { Place = b.Area + "の駅前" } }));
        Assert.Equal((DraftStatus.Writing, 2), (edited.Status, edited.Version));
        Assert.Equal(AlertStatus.Cancelled, (await Load(f, sent.AlertId)).Status);
        var refused = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new SendAlert(w).RunAsync(b.Staff(), draftId, true)));
        Assert.Contains(refused.Findings, f => f.Code == "send.approval-stale");
        await f.Do(w => new ApproveDraft(w).RunAsync(b.DutyOfficer(), draftId, f.AllConfirmedInBook));
        var again = await f.Do(w => new SendAlert(w).RunAsync(b.Staff(), draftId, true));
        Assert.NotEqual(sent.AlertId, again.AlertId);
        var view = await f.Do(w => new ViewDraft(w).RunAsync(b.Staff(), draftId));
        Assert.Equal(again.AlertId, view.Alert!.Id);
    }

    /// <summary>Y9.3 with a real SMTP server: after the brake at most connections × batch more messages, none after
    /// that. (It hung after the lease merge — a stopped alert's batch was claimed again forever — which this test
    /// caught; the runner now drops a stopped alert from the pass.)</summary>
    [Fact]
    public async Task Y9_3_StoppingWhileSending_StopsWithinOneBatchPerConnection_AndKeepsTheCounts()
    {
        using var f = new WorkflowFixture();
        var b = f.Book;
        await using (var db = f.Open())
        {
            for (var i = 0; i < 200; i++) f.Subscribe(db, $"s{i:000}@example.jp");
            await db.SaveChangesAsync();
        }
        await using var smtp = new TestSmtpServer().Start();
        var options = new DeliveryOptions
        {
            Transport = "smtp", Host = "127.0.0.1", Port = smtp.Port, BatchSize = 10, Connections = 2,
            RetryDelay = TimeSpan.FromMilliseconds(5),
        };
        var sent = await f.SentAlert();
        var brake = new BrakingTransport(MailTransports.Create(options), 25,
            () => f.Do(w => new StopAlert(w).RunAsync(b.Staff(), sent.AlertId, "本文の誤り")));
        await f.Runner(brake, options).RunOnceAsync();
        var atStop = smtp.Accepted.Count;
        Assert.InRange(atStop, 25, 25 + options.Connections * options.BatchSize);
        await f.Runner(brake, options).RunOnceAsync();
        Assert.Equal(atStop, smtp.Accepted.Count);

        var alert = await Load(f, sent.AlertId);
        Assert.Equal(AlertStatus.Stopped, alert.Status);
        Assert.Equal(200, alert.Recipients);
        Assert.Equal(atStop, alert.Delivered);
        await using var db2 = f.Open();
        var progress = (await DeliveryProgress.OfAsync(db2, sent.AlertId, f.Clock))!;
        Assert.Equal(200 - atStop, progress.Remaining);
        Assert.StartsWith("停止 ", (await db2.LedgerEntries.SingleAsync(e => e.Id == alert.LedgerEntryId)).Withdrawal);

        // The correction goes to those who got the stopped alert, and to no one else.
        var received = smtp.Accepted.Select(m => m.To.Mailboxes.Single().Address).ToHashSet();
        var correction = await f.Do(w => new CreateFollowUp(w).RunAsync(b.Staff(), sent.AlertId, FollowUpKind.Correction));
        await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(), correction.Id, f.AllConfirmedInBook));
        var fixedAlert = await f.Do(w => new SendAlert(w).RunAsync(b.Staff(), correction.Id, true));
        await f.Runner(MailTransports.Create(options), options).RunOnceAsync();
        var corrections = smtp.Accepted.Skip(atStop).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(received.Order(), corrections.Order());
        Assert.Equal(AlertStatus.Sent, (await Load(f, fixedAlert.AlertId)).Status);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y11_3_ASentAlertWithdrawnFromThePublicSide_IsRecordedWithWhoWhenWhy(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var sent = await f.SentAlert();
        var withdrawn = await f.Do(w => new WithdrawAlert(w).RunAsync(b.Staff(), sent.AlertId, "別事案と判明"));
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal(("staff1", "別事案と判明"), (withdrawn.WithdrawnBy, withdrawn.WithdrawalReason));
        await using var db = f.Open();
        Assert.StartsWith("公開取消 ", (await db.LedgerEntries.SingleAsync(e => e.Id == withdrawn.LedgerEntryId)).Withdrawal);
        var twice = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new WithdrawAlert(w).RunAsync(b.Staff(), sent.AlertId, "再度")));
        Assert.Equal("alert.withdrawn", twice.Findings.Single().Code);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y11_2_TheDistributorClosesAnOpenIncidentWithoutAResolution_NoMail_LedgerRecordsIt(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var sent = await f.SentAlert();
        Assert.Single(await f.Do(w => new OpenAlerts(w).RunAsync(b.Station.Id)));
        var notHead = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CloseWithoutResolution(w).RunAsync(b.Staff(), sent.AlertId, "解除すべき事案なし")));
        Assert.Equal("alert.not-distributor", notHead.Findings.Single().Code);
        await f.Do(w => new CloseWithoutResolution(w).RunAsync(b.Distributor(), sent.AlertId, "解除すべき事案なし"));
        Assert.Empty(await f.Do(w => new OpenAlerts(w).RunAsync(b.Station.Id)));
        await using var db = f.Open();
        var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.StartsWith("終結 ", (await db.LedgerEntries.SingleAsync(e => e.Id == alert.LedgerEntryId)).Closure);
        Assert.Single(await db.Alerts.ToListAsync()); // no mail, no new alert
    }

    /// <summary>T3(2), Y11.3: the station that asked HQ to send resolves it the way the original went: by a request to HQ.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y11_3_TheRequestingStationAsksTheSenderForTheResolution_TheSenderTakesItOver(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var division = b.ChildCategory.DivisionInCharge;
        var asked = await f.Do(w =>
            new FileDistributionRequest(w).RunAsync(b.Staff(), f.InputInBook(areas: [NeighbourArea(b)])));
        var draft = await f.Do(w => new TakeOverRequest(w).RunAsync(b.Staff(division, "hq1"), asked.Id));
        await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(division, "hq-head"), draft.Id, f.AllConfirmedInBook));
        var sent = await f.Do(w => new SendAlert(w).RunAsync(b.Staff(division, "hq1"), draft.Id, true));

        // The station may not write the follow-up itself, but it may ask for it, once.
        var own = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CreateFollowUp(w).RunAsync(b.Staff(), sent.AlertId, FollowUpKind.Resolution)));
        Assert.NotEmpty(own.Findings);
        var request = await f.Do(w => new RequestFollowUp(w).RunAsync(b.Staff(), sent.AlertId, FollowUpKind.Resolution));
        Assert.Equal((RequestKind.FollowUp, division, FollowUpKind.Resolution), (request.Kind, request.ToUnitId, request.FollowUpKind));
        var twice = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new RequestFollowUp(w).RunAsync(b.Staff(), sent.AlertId, FollowUpKind.Resolution)));
        Assert.Equal("request.pending", twice.Findings.Single().Code);
        var stranger = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new RequestFollowUp(w).RunAsync(b.Staff(b.FarStation.Id), sent.AlertId, FollowUpKind.Resolution)));
        Assert.Equal("unit.other", stranger.Findings.Single().Code);

        var resolution = await f.Do(w => new TakeOverRequest(w).RunAsync(b.Staff(division, "hq1"), request.Id));
        Assert.Equal((sent.AlertId, FollowUpKind.Resolution, b.Station.Id),
            (resolution.FollowUpOfAlertId!.Value, resolution.FollowUpKind!.Value, resolution.RequestingUnitId));
        await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(division, "hq-head"), resolution.Id, f.AllConfirmedInBook));
        await f.Do(w => new SendAlert(w).RunAsync(b.Staff(division, "hq1"), resolution.Id, true));
        Assert.NotNull((await Load(f, sent.AlertId)).ResolvedAt);
        Assert.Empty(await f.Do(w => new OpenAlerts(w).RunAsync(b.Station.Id)));
    }

    /// <summary>Y11.3: a follow-up answers an alert someone got: never a cancelled one, a follow-up, or an unknown kind.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y11_3_NoFollowUpOfACancelledAlert_OfAFollowUp_OrOfAnUnknownKind(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var scheduled = await Scheduled(f);
        await f.Do(w => new CancelAlert(w).RunAsync(b.Staff(), scheduled.AlertId, "誤り"));
        f.Clock.SetUtcNow(Cases.WorkingHours.AddDays(3)); // Monday, the same working hour
        var ofCancelled = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CreateFollowUp(w).RunAsync(b.Staff(), scheduled.AlertId, FollowUpKind.Correction)));
        Assert.Contains(ofCancelled.Findings, f => f.Code == "follow-up.original-not-sent");

        var sent = await f.SentAlert();
        var unknown = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CreateFollowUp(w).RunAsync(b.Staff(), sent.AlertId, (FollowUpKind)99)));
        Assert.Equal("follow-up.kind", unknown.Findings.Single().Code);
        var correction = await f.Do(w => new CreateFollowUp(w).RunAsync(b.Staff(), sent.AlertId, FollowUpKind.Correction));
        await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(), correction.Id, f.AllConfirmedInBook));
        var corrected = await f.Do(w => new SendAlert(w).RunAsync(b.Staff(), correction.Id, true));
        var ofFollowUp = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            f.Do(w => new CreateFollowUp(w).RunAsync(b.Staff(), corrected.AlertId, FollowUpKind.Correction)));
        Assert.Equal("follow-up.of-follow-up", ofFollowUp.Findings.Single().Code);
    }

    /// <summary>Y11.2, Y11.3: a withdrawn alert was declared void to the public: it no longer owes a resolution.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y11_2_AWithdrawnAlertIsNoLongerAnOpenIncident(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var sent = await f.SentAlert();
        await f.Do(w => new WithdrawAlert(w).RunAsync(b.Staff(), sent.AlertId, "別事案と判明"));
        Assert.Empty(await f.Do(w => new OpenAlerts(w).RunAsync(b.Station.Id)));
        var view = await f.Do(w => new ViewAlert(w).RunAsync(b.Staff(), sent.AlertId));
        Assert.DoesNotContain(AlertAction.Resolve, view.NextActions);
    }
}
