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
    /// <summary>Asks the unit that sent alert <paramref name="alertId"/> for a follow-up of <paramref name="kind"/>, as
    /// the station that asked for the alert.</summary>
    public Task<UnitRequest> RunAsync(Person actor, long alertId, FollowUpKind kind, CancellationToken ct = default) =>
        w.Run(actor, "request.follow-up", Refusal.Id(alertId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            Refusal.Require(kind is FollowUpKind.Resolution or FollowUpKind.Correction, "Y11.3", "follow-up.kind",
                "要請できるのは解除または修正の配信です。");
            var alert = await w.LoadAlert(alertId, ct);
            Refusal.Require(alert.RequestingUnitId == actor.UnitId, "Y7.2", "unit.other",
                "解除・修正の要請ができるのは、この配信を要請した所属です。");
            Refusal.Require(alert.FollowUpKind is null, "Y11.3", "follow-up.of-follow-up",
                "解除・修正は、最初に配信した情報について要請してください。");
            Refusal.Require(alert.WentOut, "Y11.3", "follow-up.original-not-sent", "配信されていない情報には解除・修正を要請できません。");
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
