using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>
/// Y11.4 「速やかに情報提供を行い、情報配信を要請すること」: a station asks a neighbouring station, from an alert it sent,
/// with the reason (波及するおそれ, 手配の必要): a request of its own, not only the one a near-border release files. The
/// neighbour opens it as a draft prefilled from the alert, for its own areas (<see cref="TakeOverRequest"/>).
/// </summary>
public sealed class FileShareRequest(WorkflowContext w)
{
    /// <summary>The longest remark accepted, in characters.</summary>
    public const int NoteMax = 1000;

    /// <summary>Asks station <paramref name="toUnitId"/> to share alert <paramref name="alertId"/> for <paramref
    /// name="reason"/>, with an optional remark.</summary>
    public Task<UnitRequest> RunAsync(Person actor, long alertId, string toUnitId, ShareReason reason,
        string? note = null, CancellationToken ct = default) =>
        w.Run(actor, "request.share", Refusal.Id(alertId), async () =>
        {
            var alert = await w.LoadAlert(alertId, ct);
            w.Access.RequireOwnUnit(actor, alert.UnitId);
            Refusal.Require(w.Access.MayShare(actor, alert.UnitId), "Y11.4", "request.not-station-staff",
                "隣接署への情報提供・配信要請ができるのは、配信した警察署の職員です。");
            Refusal.Require(w.Book.Unit(alert.UnitId).Neighbours.Any(n => n.Unit == toUnitId), "Y11.4",
                "request.not-neighbour", "要請先は自署の隣接署から選んでください。");
            Refusal.Require(Enum.IsDefined(reason), "Y11.4", "request.reason", "要請の理由を選んでください。");
            Refusal.Require((note?.Length ?? 0) <= NoteMax
                && Drafts.DraftValidation.UnusableCharacter(note ?? "") is null, "Y11.4", "request.note",
                $"補足は{NoteMax}文字以内で、使える文字で入力してください。");
            Refusal.Require(alert.WentOut && alert.FollowUpKind is null, "Y11.4", "request.not-sent",
                "情報提供・配信要請は、配信した情報（解除・修正でないもの）から行ってください。");
            Refusal.Require(alert.Shareable, "Y11.4", "request.case-over",
                "解除済み・終了済み・取り下げ済みの事案は、隣接署へ情報提供・配信要請できません。");
            var pending = await w.Db.Requests.AnyAsync(r => r.AlertId == alertId && r.Kind == RequestKind.Share
                && r.ToUnitId == toUnitId && r.Status == RequestStatus.Open, ct);
            Refusal.Require(!pending, "Y11.4", "request.pending", "同じ隣接署への要請が既に出ています。要請先の処理を待ってください。");
            var source = await w.Db.Drafts.AsNoTracking().SingleAsync(d => d.Id == alert.DraftId, ct);
            var request = UnitRequest.File(RequestKind.Share, actor, toUnitId, alert.Id,
                w.Book.Unit(toUnitId).Jurisdiction, source.ToInput(), w.Now);
            (request.Reason, request.Note) = (reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            (request.Subject, request.Body) = (alert.Subject, alert.Body);
            w.Db.Requests.Add(request);
            await w.Db.SaveChangesAsync(ct);
            return request;
        }, null, ct);
}
