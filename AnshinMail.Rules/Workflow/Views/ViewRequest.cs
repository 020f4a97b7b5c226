using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>What the person looking at a request may do with it (T3(2), Y11.4, T4(2), Y11.1).</summary>
public enum RequestAction
{
    /// <summary>T3(2), Y11.4: take the request over as a draft of one's own unit.</summary>
    TakeOver,
    /// <summary>T4(2): mark it done.</summary>
    Complete,
    /// <summary>T3(2): the duty desk passes it on to the division in charge.</summary>
    Forward,
    /// <summary>Y11.1: answer a consultation.</summary>
    Answer,
}

/// <summary>A request, the texts it is about (T4(2): the alert and every follow-up of the incident that went out),
/// and what this person may do next.</summary>
public sealed record RequestView(
    UnitRequest Request, IReadOnlyList<Alert> Alerts, IReadOnlySet<RequestAction> NextActions)
{
    /// <summary>Whether the person may do <paramref name="action"/> now.</summary>
    public bool May(RequestAction action) => NextActions.Contains(action);
}

/// <summary>Y7.2: a request, for the two units it joins and the security manager.</summary>
public sealed class ViewRequest(WorkflowContext w)
{
    /// <summary>Request <paramref name="requestId"/>, the alerts it concerns and what <paramref name="actor"/> may do;
    /// refused outside the two units and the security manager.</summary>
    public async Task<RequestView> RunAsync(Person actor, long requestId, CancellationToken ct = default)
    {
        var request = await w.Db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw PolicyRefusedException.Because("T3(2)", "request.unknown", $"要請 {requestId} はありません。");
        Refusal.Require(w.Access.MayRead(actor, request.ToUnitId, request.FromUnitId), "Y7.2", "unit.other",
            "他所属あての要請は閲覧できません。");
        var relay = request.Kind == RequestKind.YahooRelay;
        var alerts = request.AlertId is not { } id ? []
            : (await w.Db.Alerts.AsNoTracking().Where(a => a.Id == id || (relay && a.FollowUpOfAlertId == id))
                .OrderBy(a => a.Id).ToListAsync(ct)).Where(a => a.Id == id || a.WentOut).ToList();
        return new RequestView(request, alerts, NextActions(actor, request));
    }

    /// <summary>The same answers the operations give.</summary>
    public IReadOnlySet<RequestAction> NextActions(Person actor, UnitRequest r)
    {
        var actions = new HashSet<RequestAction>();
        if (r.Status != RequestStatus.Open || r.ToUnitId != actor.UnitId || !UnitAccess.MayWrite(actor))
            return actions;
        if (r.Kind is RequestKind.Distribution or RequestKind.Share or RequestKind.FollowUp)
            actions.Add(RequestAction.TakeOver);
        if (r.Kind == RequestKind.Distribution && w.Access.MayForward(actor, r.ToUnitId))
            actions.Add(RequestAction.Forward);
        actions.Add(r.Kind == RequestKind.Consultation ? RequestAction.Answer : RequestAction.Complete);
        return actions;
    }
}
