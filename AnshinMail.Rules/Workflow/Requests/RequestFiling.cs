using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>T3(2), Y11.4, T4(2): the requests a release files, as the verdict names them.</summary>
internal static class RequestFiling
{
    public static async Task<List<UnitRequest>> OnRelease(WorkflowContext w, Person actor, Draft draft, Alert alert,
        PolicyVerdict verdict, CancellationToken ct)
    {
        var input = draft.ToInput();
        var requests = new List<UnitRequest>();
        if (verdict.DistributionRequest is { } d)
        {
            var request = UnitRequest.File(RequestKind.Distribution, actor, d.ToUnit, alert.Id, d.Areas, input, w.Now);
            request.DivisionInCharge = d.DivisionInCharge;
            requests.Add(request);
        }
        foreach (var neighbour in verdict.ShareRequests)
            requests.Add(UnitRequest.File(
                RequestKind.Share, actor, neighbour, alert.Id, w.Book.Unit(neighbour).Jurisdiction, input, w.Now));
        w.Db.Requests.AddRange(requests);
        // T4(2): asked for when it has gone out; a held alert asks when it starts (DeliveryPlanner).
        alert.YahooRelayTo = verdict.YahooRelayTo;
        if (await YahooRelayFiling.OnWentOut(w.Db, alert, w.Now, ct) is { } relay) requests.Add(relay);
        return requests;
    }
}
