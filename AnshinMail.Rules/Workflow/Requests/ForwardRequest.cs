using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>
/// T3(2) 「事案を主管する本部主管課（夜間・休日は総合当直。）」: the duty desk that took a night request passes it on to
/// the division in charge (the one the station named, or another HQ division after consultation) instead of sending.
/// </summary>
public sealed class ForwardRequest(WorkflowContext w)
{
    /// <summary>Passes the duty desk's request <paramref name="requestId"/> on to <paramref name="toDivision"/>
    /// (default: the division the station named).</summary>
    public Task<UnitRequest> RunAsync(Person actor, long requestId, string? toDivision = null,
        CancellationToken ct = default) =>
        w.Run(actor, "request.forward", Refusal.Id(requestId), async () =>
        {
            var request = await w.LoadRequest(requestId, ct);
            w.Access.RequireOwnUnit(actor, request.ToUnitId);
            Refusal.Require(w.Access.MayForward(actor, request.ToUnitId), "T3(2)", "request.not-duty-desk",
                $"配信要請を主管課へ回付できるのは{w.Book.Unit(w.Book.Offices.DutyDeskUnit).Name}の職員です。");
            var to = string.IsNullOrEmpty(toDivision) ? request.DivisionInCharge : toDivision;
            Refusal.Require(to is not null && w.Book.FindUnit(to) is { Kind: PolicyBooks.UnitKind.HqDivision }, "T3(2)",
                "scope.unknown-division", "回付先は本部の課の一覧から選んでください。");
            var next = request.Forward(actor.Id, to!, w.Now);
            w.Db.Requests.Add(next);
            await w.Db.SaveChangesAsync(ct);
            request.ForwardedTo(next.Id);
            return next;
        }, null, ct);
}
