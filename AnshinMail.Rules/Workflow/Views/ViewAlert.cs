using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>
/// Y7.2: a sent or scheduled alert, for its unit, the requesting unit and the security manager, with what may follow.
/// </summary>
public sealed class ViewAlert(WorkflowContext w)
{
    /// <summary>Alert <paramref name="alertId"/> and the actions <paramref name="actor"/> may take on it; refused
    /// outside the units that may read it.</summary>
    public async Task<AlertView> RunAsync(Person actor, long alertId, CancellationToken ct = default)
    {
        var alert = await w.Db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, ct)
            ?? throw PolicyRefusedException.Because("Y11.3", "alert.unknown", $"配信情報 {alertId} はありません。");
        w.Access.RequireReader(actor, alert.UnitId, alert.RequestingUnitId, "配信情報");
        var actions = NextActions(actor, alert).ToHashSet();
        // Y11.4: as FileShareRequest allows it: a station's own alert that went out, not a follow-up, case not over.
        if (alert.Shareable && w.Access.MayShare(actor, alert.UnitId))
            actions.Add(AlertAction.Share);
        var judgement = await w.Db.EmergencyJudgements.AsNoTracking()
            .SingleOrDefaultAsync(j => j.AlertId == alert.Id, ct);
        return new AlertView(alert, actions, judgement);
    }

    /// <summary>Y9.3, Y11.2, Y11.3: the same answers the operations give.</summary>
    public static IReadOnlySet<AlertAction> NextActions(Person actor, Alert alert)
    {
        var actions = new HashSet<AlertAction>();
        var wentOut = alert.WentOut;
        var requester = alert.RequestingUnitId == actor.UnitId && UnitAccess.MayWrite(actor);
        if (wentOut && alert.FollowUpKind is null && requester)
        {
            if (alert.IsOpen) actions.Add(AlertAction.RequestResolution);
            actions.Add(AlertAction.RequestCorrection);
        }
        if (!UnitAccess.MayCancel(actor, alert.UnitId)) return actions;
        if (alert.Status == AlertStatus.Scheduled) actions.Add(AlertAction.Cancel);
        if (alert.Status == AlertStatus.Sending) actions.Add(AlertAction.Stop);
        if (wentOut && alert.WithdrawnAt is null) actions.Add(AlertAction.Withdraw);
        if (wentOut && alert.FollowUpKind is null && UnitAccess.MayWrite(actor))
        {
            if (alert.IsOpen) actions.Add(AlertAction.Resolve);
            actions.Add(AlertAction.Correct);
            actions.Add(AlertAction.Supplement);
        }
        if (alert.IsOpen && wentOut && UnitAccess.MayJudge(actor, alert.UnitId))
            actions.Add(AlertAction.CloseWithoutResolution);
        return actions;
    }
}
