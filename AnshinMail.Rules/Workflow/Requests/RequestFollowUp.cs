using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>
/// T3(2), Y11.3: the station that asked HQ to send an alert resolves or corrects it the way the original went: it
/// files the follow-up as a request to the unit that sent it, prefilled from the original; that unit takes it over.
/// </summary>
public sealed class RequestFollowUp(WorkflowContext w)
{
    public Task<UnitRequest> RunAsync(Person actor, long alertId, FollowUpKind kind, CancellationToken ct = default) =>
        w.Run(actor, "request.follow-up", Refusal.Id(alertId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            var alert = await w.LoadAlert(alertId, ct);
            Refusal.Require(alert.RequestingUnitId == actor.UnitId, "Y7.2", "unit.other",
                "解除・修正の要請ができるのは、この配信を要請した所属です。");
            Refusal.Require(alert.Status is AlertStatus.Sending or AlertStatus.Sent or AlertStatus.Stopped
                && alert.FollowUpKind is null,
                "Y11.3", "follow-up.original-not-sent", "まだ配信されていない配信には解除・修正を要請できません。");
            Refusal.Require(kind != FollowUpKind.Resolution || alert.IsOpen, "Y11.2", "follow-up.resolved",
                "この事案は既に解除（終結）されています。");
            var pending = await w.Db.Requests.AnyAsync(r => r.AlertId == alertId && r.Kind == RequestKind.FollowUp
                && r.FollowUpKind == kind && r.Status == RequestStatus.Open, ct);
            Refusal.Require(!pending, "T3(2)", "request.pending", "同じ要請が既に出ています。要請先の処理を待ってください。");
            var source = await w.Db.Drafts.AsNoTracking().SingleAsync(d => d.Id == alert.DraftId, ct);
            var request = UnitRequest.File(RequestKind.FollowUp, actor, alert.UnitId, alert.Id, alert.Areas,
                source.ToInput() with { TargetAreas = alert.Areas }, w.Now);
            request.FollowUpKind = kind;
            w.Db.Requests.Add(request);
            await w.Db.SaveChangesAsync(ct);
            return request;
        }, null, ct);
}
