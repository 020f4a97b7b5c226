using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>
/// T3(2), Y11.4: the receiving unit takes a distribution or share request over: a draft of its own,
/// prefilled from the request, with the asking station as requesting unit (its contact goes in the mail, T3(3)).
/// </summary>
public sealed class TakeOverRequest(WorkflowContext w)
{
    /// <summary>Takes request <paramref name="requestId"/> over as a new draft of <paramref name="actor"/>'s unit,
    /// prefilled from it.</summary>
    public Task<Draft> RunAsync(Person actor, long requestId, CancellationToken ct = default) =>
        w.Run(actor, "request.take-over", Refusal.Id(requestId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            var request = await w.LoadRequest(requestId, ct);
            w.Access.RequireOwnUnit(actor, request.ToUnitId);
            Refusal.Require(request.Status == RequestStatus.Open, "T3(2)", "request.closed", "この要請は既に処理されています。");
            var input = request.Draft() ?? throw PolicyRefusedException.Because("T3(2)", "request.kind",
                "この要請は引き継ぎの対象ではありません。");
            // Y11.3: a follow-up request becomes a follow-up of the alert, with the asking station as requesting unit.
            var origin = new DraftOrigin(request.FromUnitId, request.FollowUpKind is null ? null : request.AlertId,
                request.FollowUpKind, request.Id);
            var draft = Draft.Write(actor, input, w.Now, origin);
            await w.SaveNew(actor, draft, ct);
            request.TakeOver(actor.Id, draft.Id, w.Now);
            return draft;
        }, null, ct);
}
