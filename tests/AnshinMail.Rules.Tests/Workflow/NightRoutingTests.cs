using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Views;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// T3(2) 「事案を主管する本部主管課（夜間・休日は総合当直。）」: the writer names the division in charge; at night and on
/// holidays the duty desk takes the request and sends it or forwards it to that division.
/// </summary>
public sealed class NightRoutingTests : IDisposable
{
    private const string Desk = "sogo-tochoku";
    private const string Seian = "seikatsu-anzen-kikaku";
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<PolicyRefusedException> Refused<T>(Func<AnshinMail.Rules.Workflow.WorkflowContext, Task<T>> op) =>
        await Assert.ThrowsAsync<PolicyRefusedException>(() => _f.Do(op));

    private Task<UnitRequest> File(string? division) => _f.Do(w => new FileDistributionRequest(w).RunAsync(Staff(),
        Input(areas: ["長野市南部"]) with { DivisionInCharge = division }));

    [Fact]
    public async Task T3_2_ByDayTheRequestGoesToTheDivisionTheWriterPicked()
    {
        var request = await File(Seian);
        Assert.Equal(Seian, request.ToUnitId);
        Assert.Equal(Seian, request.DivisionInCharge);
        Assert.Equal("jinshin-anzen-shonen", (await File(null)).ToUnitId); // the category's by default
    }

    [Fact]
    public async Task T3_2_ADivisionThatIsNotAnHqDivisionIsRefused()
    {
        var e = await Refused(w => new FileDistributionRequest(w).RunAsync(Staff(),
            Input(areas: ["長野市南部"]) with { DivisionInCharge = "nagano-minami" }));
        Assert.Contains(e.Findings, f => f.Code == "scope.unknown-division" && f.Clause == "T3(2)");
    }

    [Fact]
    public async Task T3_2_At2300OnAWeekdayTheDutyDeskTakesItAndForwardsItToTheDivision()
    {
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23));
        var request = await File(Seian);
        Assert.Equal(Desk, request.ToUnitId);
        Assert.Equal(Seian, request.DivisionInCharge);
        Assert.Contains(await _f.Do(w => new IncomingRequests(w).RunAsync(Desk)), r => r.Id == request.Id);
        var view = await _f.Do(w => new ViewRequest(w).RunAsync(Staff(Desk, "desk1"), request.Id));
        Assert.True(view.May(RequestAction.Forward) && view.May(RequestAction.TakeOver));

        var forwarded = await _f.Do(w => new ForwardRequest(w).RunAsync(Staff(Desk, "desk1"), request.Id));
        Assert.Equal((Seian, Station, RequestStatus.Open), (forwarded.ToUnitId, forwarded.FromUnitId, forwarded.Status));
        Assert.Equal(request.Id, forwarded.ForwardedFromRequestId);
        await using (var db = _f.Open())
        {
            var desk = await db.Requests.SingleAsync(r => r.Id == request.Id);
            Assert.Equal((RequestStatus.Forwarded, forwarded.Id), (desk.Status, desk.ForwardedToRequestId));
        }
        Assert.Empty(await _f.Do(w => new IncomingRequests(w).RunAsync(Desk)));
        var draft = await _f.Do(w => new TakeOverRequest(w).RunAsync(Staff(Seian, "seian1"), forwarded.Id));
        Assert.Equal((Seian, Station), (draft.UnitId, draft.RequestingUnitId));
        Assert.Equal(["長野市南部"], draft.TargetAreas);
    }

    [Fact]
    public async Task T3_2_OnAHolidayTheDutyDeskTakesItAndSendsItItself()
    {
        _f.Clock.SetUtcNow(Jst(2027, 1, 11, 10)); // 成人の日, a public holiday
        var request = await File(null);
        Assert.Equal(Desk, request.ToUnitId);
        var draft = await _f.Do(w => new TakeOverRequest(w).RunAsync(Staff(Desk, "desk1"), request.Id));
        Assert.Equal((Desk, Station), (draft.UnitId, draft.RequestingUnitId));
        var approval = await _f.Do(w => new ApproveDraft(w).RunAsync(DutyOfficer(Desk, "desk-duty"), draft.Id, AllConfirmed));
        Assert.Equal(ApprovalRegime.DutyOfficer, approval.Regime);
        var sent = await _f.Do(w => new AnshinMail.Rules.Workflow.Sending.SendAlert(w).RunAsync(Staff(Desk, "desk1"), draft.Id, true));
        await using var db = _f.Open();
        Assert.Equal(["長野市南部"], (await db.Alerts.SingleAsync(a => a.Id == sent.AlertId)).Areas);
    }

    [Fact]
    public async Task T3_2_OnlyTheDutyDeskForwards_AndOnlyItsOwnRequests()
    {
        var byDay = await File(Seian);
        var e = await Refused(w => new ForwardRequest(w).RunAsync(Staff(Seian, "seian1"), byDay.Id));
        Assert.Contains(e.Findings, f => f.Code == "request.not-duty-desk");
        Assert.False((await _f.Do(w => new ViewRequest(w).RunAsync(Staff(Seian, "seian1"), byDay.Id))).May(RequestAction.Forward));

        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23));
        var night = await File(Seian);
        Assert.Contains((await Refused(w => new ForwardRequest(w).RunAsync(Staff(), night.Id))).Findings,
            f => f.Code == "unit.other");
        Assert.Contains((await Refused(w => new ForwardRequest(w).RunAsync(Staff(Desk, "desk1"), night.Id, Station))).Findings,
            f => f.Code == "scope.unknown-division");
        await _f.Do(w => new ForwardRequest(w).RunAsync(Staff(Desk, "desk1"), night.Id, "kotsu-kikaku"));
        Assert.Contains((await Refused(w => new ForwardRequest(w).RunAsync(Staff(Desk, "desk1"), night.Id))).Findings,
            f => f.Code == "request.closed");
        Assert.Single(await _f.Do(w => new IncomingRequests(w).RunAsync("kotsu-kikaku")));
    }

    [Fact]
    public async Task T3_2_AMixedReleaseAtNightFilesTheRequestToTheDeskWithTheDivision()
    {
        var draft = await _f.Do(w => new AnshinMail.Rules.Workflow.Drafts.CreateDraft(w).RunAsync(Staff(),
            Input(areas: ["長野市北部", "長野市南部"]) with { DivisionInCharge = Seian }));
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23));
        await _f.Do(w => new ApproveDraft(w).RunAsync(DutyOfficer(), draft.Id, AllConfirmed));
        await _f.Do(w => new AnshinMail.Rules.Workflow.Sending.SendAlert(w).RunAsync(Staff(), draft.Id, true));
        await using var db = _f.Open();
        var request = await db.Requests.SingleAsync(r => r.Kind == RequestKind.Distribution);
        Assert.Equal((Desk, Seian), (request.ToUnitId, request.DivisionInCharge));
    }
}
