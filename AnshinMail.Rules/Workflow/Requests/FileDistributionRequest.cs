using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Drafts;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>
/// T3(2): a station asks the division in charge (the HQ duty desk at night and on holidays) to send
/// to areas outside its jurisdiction. The request carries the draft text; nothing is sent by the station.
/// </summary>
public sealed class FileDistributionRequest(WorkflowContext w)
{
    // The station's own limit is exactly what the request is for; any other block stands.
    private const string OwnLimit = "scope.no-own-area";

    /// <summary>Files <paramref name="input"/> as a distribution request from <paramref name="actor"/>'s station to the
    /// unit the policy names.</summary>
    public Task<UnitRequest> RunAsync(Person actor, DraftInput input, CancellationToken ct = default) =>
        w.Run(actor, "request.distribution", null, async () =>
        {
            UnitAccess.RequireWriter(actor);
            DraftValidation.Validate(w.Book, input);
            var verdict = await w.Evaluate(actor, Draft.Write(actor, input, w.Now), ct);
            if (verdict.Blocks.Any(f => f.Code != OwnLimit))
                throw new PolicyRefusedException(verdict.Findings.Where(f => f.Code != OwnLimit).ToList());
            var decision = verdict.DistributionRequest ?? throw PolicyRefusedException.Because(
                "T3(2)", "request.not-needed", "配信先はすべて自署管内です。配信要請は不要です。");
            var request = UnitRequest.File(RequestKind.Distribution, actor, decision.ToUnit, null, decision.Areas,
                input, w.Now);
            request.DivisionInCharge = decision.DivisionInCharge;
            w.Db.Requests.Add(request);
            await w.Db.SaveChangesAsync(ct);
            return request;
        }, r => Refusal.Id(r.Id), ct);
}
