using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>T4(2): the relay division marks a Yahoo!防災速報 request done (or a share request handled without a
/// draft).</summary>
public sealed class CompleteRequest(WorkflowContext w)
{
    /// <summary>Marks request <paramref name="requestId"/> done, as a member of the unit it was sent to.</summary>
    public Task<UnitRequest> RunAsync(Person actor, long requestId, CancellationToken ct = default) =>
        w.Run(actor, "request.complete", Refusal.Id(requestId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            var request = await w.LoadRequest(requestId, ct);
            w.Access.RequireOwnUnit(actor, request.ToUnitId);
            request.Complete(actor.Id, w.Now);
            return request;
        }, null, ct);
}
