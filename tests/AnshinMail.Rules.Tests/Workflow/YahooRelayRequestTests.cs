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
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// T4(2) 「これらの情報配信を実施した際は、併せて生活安全企画課に対し…要請すること」: the relay is asked for once the alert
/// has gone out, once per incident; follow-ups update that request; the request carries the subject and text.
/// </summary>
public sealed class YahooRelayRequestTests : IDisposable
{
    private static readonly string Relay = TestBook.Book.Offices.YahooRelayUnit;
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<List<UnitRequest>> Relays()
    {
        await using var db = _f.Open();
        return await db.Requests.AsNoTracking().Where(r => r.Kind == RequestKind.YahooRelay).ToListAsync();
    }

    private async Task<SendOutcome> HeldAt2300()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23));
        var held = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        Assert.Equal(SendTiming.Hold, held.Timing);
        return held;
    }

    [Fact]
    public async Task T4_2_AHeldAlertAsksForTheRelayOnlyWhenItGoesOutAt0600()
    {
        var held = await HeldAt2300();
        Assert.Empty(await Relays());
        Assert.Empty(held.RequestIds);

        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 6, 0, 1));
        await _f.Runner(new RecordingTransport()).RunOnceAsync();
        var request = Assert.Single(await Relays());
        Assert.Equal((held.AlertId, Relay, Station), (request.AlertId, request.ToUnitId, request.FromUnitId));
        await using var db = _f.Open();
        var alert = await db.Alerts.SingleAsync(a => a.Id == held.AlertId);
        Assert.Equal((alert.Subject, alert.Body), (request.Subject, request.Body));
        // The relay division is told of it like of any request, though no operation filed it.
        Assert.Contains(await db.StaffNotices.ToListAsync(),
            n => n.Kind == StaffNoticeKind.Request && n.SubjectId == request.Id);
    }

    [Fact]
    public async Task T4_2_AHeldAlertCancelledBeforeItsTimeNeverAsksForTheRelay()
    {
        var held = await HeldAt2300();
        await _f.Do(w => new CancelAlert(w).RunAsync(Staff(), held.AlertId, "内容を再検討するため"));
        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 6, 0, 1));
        await _f.Runner(new RecordingTransport()).RunOnceAsync();
        Assert.Empty(await Relays());
    }

    [Fact]
    public async Task T4_2_FollowUpsUpdateTheIncidentsOneRequest_ShownWithSubjectAndText()
    {
        var sent = await _f.SentAlert();
        var request = Assert.Single(await Relays());
        Assert.Contains(request.Id, sent.RequestIds);
        await _f.Do(w => new CompleteRequest(w).RunAsync(Staff(Relay, "seian1"), request.Id));

        var correction = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Correction,
            Input() with { Fields = Fields with { Headline = "声かけ事案の発生（訂正）",
                FollowUp = new FollowUpFields { Wrong = "15時30分", Right = "16時30分" } } }));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), correction.Id, AllConfirmed));
        var fixedUp = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), correction.Id, true));

        var updated = Assert.Single(await Relays());
        Assert.Equal(request.Id, updated.Id);
        Assert.Contains(request.Id, fixedUp.RequestIds);
        Assert.Equal(RequestStatus.Open, updated.Status); // to be relayed again
        Assert.Equal(_f.Clock.GetUtcNow(), updated.UpdatedAt);
        Assert.Contains("訂正", updated.Subject);
        await using (var db = _f.Open())
            Assert.Equal(2, await db.StaffNotices.CountAsync(n => n.Kind == StaffNoticeKind.Request
                && n.SubjectId == request.Id)); // filed, and reopened by the correction

        var view = await _f.Do(w => new ViewRequest(w).RunAsync(Staff(Relay, "seian1"), request.Id));
        Assert.Equal([sent.AlertId, fixedUp.AlertId], view.Alerts.Select(a => a.Id));
        Assert.All(view.Alerts, a => Assert.False(string.IsNullOrEmpty(a.Body)));
        Assert.True(view.May(RequestAction.Complete));
    }
}
