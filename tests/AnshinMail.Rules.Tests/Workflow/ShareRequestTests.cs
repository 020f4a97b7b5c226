using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Views;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// Y11.4 「隣接警察署へ波及するおそれ又は手配等の必要性がある場合は、速やかに情報提供を行い、情報配信を要請すること」: a
/// station asks a neighbour from a sent alert, with the reason; the neighbour opens it as a prefilled draft.
/// </summary>
public sealed class ShareRequestTests : IDisposable
{
    private const string Neighbour = "nagano-minami";
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<PolicyRefusedException> Refused<T>(Func<AnshinMail.Rules.Workflow.WorkflowContext, Task<T>> op) =>
        await Assert.ThrowsAsync<PolicyRefusedException>(() => _f.Do(op));

    [Fact]
    public async Task Y11_4_AStationSharesASentAlertWithANeighbour_WhichOpensItAsAPrefilledDraft()
    {
        var sent = await _f.SentAlert();
        var request = await _f.Do(w => new FileShareRequest(w).RunAsync(Staff(), sent.AlertId, Neighbour,
            ShareReason.WantedNotice, "逃走した車両の手配をお願いします。"));
        Assert.Equal((RequestKind.Share, Station, Neighbour), (request.Kind, request.FromUnitId, request.ToUnitId));
        Assert.Equal((ShareReason.WantedNotice, "逃走した車両の手配をお願いします。"), (request.Reason, request.Note));
        Assert.Equal(TestBook.Book.Unit(Neighbour).Jurisdiction, request.Areas);
        Assert.False(string.IsNullOrEmpty(request.Body));

        var view = await _f.Do(w => new ViewRequest(w).RunAsync(Staff(Neighbour, "minami1"), request.Id));
        Assert.True(view.May(RequestAction.TakeOver));
        var draft = await _f.Do(w => new TakeOverRequest(w).RunAsync(Staff(Neighbour, "minami1"), request.Id));
        Assert.Equal((Neighbour, Station), (draft.UnitId, draft.RequestingUnitId));
        Assert.Equal(Cases.Fields.Headline, draft.Fields.Headline);
        Assert.Equal(TestBook.Book.Unit(Neighbour).Jurisdiction, draft.TargetAreas);
    }

    [Fact]
    public async Task Y11_4_OnlyToANeighbour_OnlyByTheSendingStation_OncePerNeighbourWhileOpen()
    {
        var sent = await _f.SentAlert();
        Assert.Contains((await Refused(w => new FileShareRequest(w).RunAsync(Staff(), sent.AlertId, "iida",
            ShareReason.Spread))).Findings, f => f.Code == "request.not-neighbour" && f.Clause == "Y11.4");
        Assert.Contains((await Refused(w => new FileShareRequest(w).RunAsync(Staff(Neighbour, "minami1"), sent.AlertId,
            Station, ShareReason.Spread))).Findings, f => f.Code == "unit.other");
        Assert.Contains((await Refused(w => new FileShareRequest(w).RunAsync(Staff(), sent.AlertId, Neighbour,
            (ShareReason)7))).Findings, f => f.Code == "request.reason");
        await _f.Do(w => new FileShareRequest(w).RunAsync(Staff(), sent.AlertId, Neighbour, ShareReason.Spread));
        Assert.Contains((await Refused(w => new FileShareRequest(w).RunAsync(Staff(), sent.AlertId, Neighbour,
            ShareReason.Spread))).Findings, f => f.Code == "request.pending");
    }

    [Fact]
    public async Task Y11_4_NoShareOnceTheCaseIsOver_TheSentPageOffersNone()
    {
        var sent = await _f.SentAlert();
        await _f.Do(w => new AnshinMail.Rules.Workflow.FollowUps.CloseWithoutResolution(w)
            .RunAsync(Distributor(), sent.AlertId, "解除すべき事案なし"));
        Assert.False((await _f.Do(w => new ViewAlert(w).RunAsync(Staff(), sent.AlertId))).May(AlertAction.Share));
        Assert.Contains((await Refused(w => new FileShareRequest(w).RunAsync(Staff(), sent.AlertId, Neighbour,
            ShareReason.Spread))).Findings, f => f.Code == "request.case-over" && f.Clause == "Y11.4");
    }

    [Fact]
    public async Task Y11_4_NoShareFromAnAlertThatHasNotGoneOut()
    {
        var draft = await _f.Do(w => new AnshinMail.Rules.Workflow.Drafts.CreateDraft(w).RunAsync(Staff(), WorkflowFixture.Input()));
        await _f.Do(w => new AnshinMail.Rules.Workflow.Approvals.ApproveDraft(w).RunAsync(Distributor(), draft.Id, WorkflowFixture.AllConfirmed));
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23));
        var held = await _f.Do(w => new AnshinMail.Rules.Workflow.Sending.SendAlert(w).RunAsync(Staff(), draft.Id, true));
        Assert.Contains((await Refused(w => new FileShareRequest(w).RunAsync(Staff(), held.AlertId, Neighbour,
            ShareReason.Spread))).Findings, f => f.Code == "request.not-sent");
    }
}
