using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>T3(2), Y11.4, T4(2): the requests a release files, as the verdict names them.</summary>
internal static class RequestFiling
{
    public static List<UnitRequest> OnRelease(WorkflowContext w, Person actor, Draft draft, Alert alert,
        PolicyVerdict verdict)
    {
        var input = draft.ToInput();
        var requests = new List<UnitRequest>();
        if (verdict.DistributionRequest is { } d)
            requests.Add(UnitRequest.File(RequestKind.Distribution, actor, d.ToUnit, alert.Id, d.Areas, input, w.Now));
        foreach (var neighbour in verdict.ShareRequests)
            requests.Add(UnitRequest.File(
                RequestKind.Share, actor, neighbour, alert.Id, w.Book.Unit(neighbour).Jurisdiction, input, w.Now));
        if (verdict.YahooRelayTo is { } relay)
            requests.Add(UnitRequest.File(RequestKind.YahooRelay, actor, relay, alert.Id, alert.Areas, null, w.Now));
        w.Db.Requests.AddRange(requests);
        return requests;
    }
}
