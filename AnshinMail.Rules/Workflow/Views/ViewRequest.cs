using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>Y7.2: a request, for the two units it joins and the security manager.</summary>
public sealed class ViewRequest(WorkflowContext w)
{
    public async Task<UnitRequest> RunAsync(Person actor, long requestId, CancellationToken ct = default)
    {
        var request = await w.Db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw PolicyRefusedException.Because("T3(2)", "request.unknown", $"要請 {requestId} はありません。");
        Refusal.Require(w.Access.MayRead(actor, request.ToUnitId, request.FromUnitId), "Y7.2", "unit.other",
            "他所属あての要請は閲覧できません。");
        return request;
    }
}
