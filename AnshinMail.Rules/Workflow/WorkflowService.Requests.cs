using System.Text.Json;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow;

public sealed partial class WorkflowService
{
    /// <summary>
    /// T3(2): a station asks the division in charge (the HQ duty desk at night and on holidays) to send
    /// to areas outside its jurisdiction. The request carries the draft text; nothing is sent by the station.
    /// </summary>
    public Task<UnitRequest> FileDistributionRequestAsync(Person actor, DraftInput input, CancellationToken ct = default) =>
        Run(actor, "request.distribution", null, async () =>
        {
            RequireWriter(actor);
            Validate(input);
            var draft = NewDraft(actor, input, clock.GetUtcNow());
            var verdict = engine.Evaluate(new PolicyCase { Stage = PolicyStage.Draft, At = clock.GetUtcNow(), Actor = actor, Draft = FactOf(draft) });
            // The station's own limit (scope.no-own-area) is exactly what the request is for; any other block stands.
            var blocks = verdict.Blocks.Where(f => f.Code != "scope.no-own-area").ToList();
            if (blocks.Count > 0) throw new PolicyRefusedException(verdict.Findings.Where(f => f.Code != "scope.no-own-area").ToList());
            var decision = verdict.DistributionRequest
                ?? throw PolicyRefusedException.Because("T3(2)", "request.not-needed", "配信先はすべて自署管内です。配信要請は不要です。");
            var request = NewRequest(RequestKind.Distribution, actor, decision.ToUnit, null, decision.Areas, input, clock.GetUtcNow());
            db.Requests.Add(request);
            await db.SaveChangesAsync(ct);
            return request;
        }, r => Id(r.Id), ct);

    /// <summary>
    /// T3(2), Y11.4: the receiving unit takes a distribution or share request over: a draft of its own,
    /// prefilled from the request, with the asking station as requesting unit (its contact goes in the mail, T3(3)).
    /// </summary>
    public Task<Draft> TakeOverAsync(Person actor, long requestId, CancellationToken ct = default) =>
        Run(actor, "request.take-over", Id(requestId), async () =>
        {
            RequireWriter(actor);
            var request = await LoadRequest(requestId, ct);
            RequireOwnUnit(actor, request.ToUnitId, Book.Unit(request.ToUnitId).Name);
            Require(request.Kind is RequestKind.Distribution or RequestKind.Share, "T3(2)", "request.kind", "この要請は引き継ぎの対象ではありません。");
            Require(request.Status == RequestStatus.Open, "T3(2)", "request.closed", "この要請は既に処理されています。");
            var input = JsonSerializer.Deserialize<DraftInput>(request.Payload!)! with { TargetAreas = request.Areas };
            var draft = NewDraft(actor, input, clock.GetUtcNow());
            draft.RequestingUnitId = request.FromUnitId;
            draft.FromRequestId = request.Id;
            draft.ContentHash = draft.ComputeHash();
            await SaveNew(actor, draft, ct);
            request.Status = RequestStatus.TakenOver;
            request.HandledBy = actor.Id;
            request.HandledAt = clock.GetUtcNow();
            request.ResultDraftId = draft.Id;
            return draft;
        }, null, ct);

    /// <summary>T4(2): the relay division marks a Yahoo!防災速報 request done (or a share request handled without a draft).</summary>
    public Task<UnitRequest> CompleteRequestAsync(Person actor, long requestId, CancellationToken ct = default) =>
        Run(actor, "request.complete", Id(requestId), async () =>
        {
            RequireWriter(actor);
            var request = await LoadRequest(requestId, ct);
            RequireOwnUnit(actor, request.ToUnitId, Book.Unit(request.ToUnitId).Name);
            Require(request.Status == RequestStatus.Open, "T4(2)", "request.closed", "この要請は既に処理されています。");
            request.Status = RequestStatus.Done;
            request.HandledBy = actor.Id;
            request.HandledAt = clock.GetUtcNow();
            return request;
        }, null, ct);

    /// <summary>Requests addressed to a unit that are still open, oldest first.</summary>
    public Task<List<UnitRequest>> IncomingRequestsAsync(string unitId, CancellationToken ct = default) =>
        db.Requests.AsNoTracking().Where(r => r.ToUnitId == unitId && r.Status == RequestStatus.Open).OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>Y12.3(2): anyone reports an abnormality (suspected misuse, a wrong send…) to the security manager.</summary>
    public Task<AbnormalityReport> ReportAbnormalityAsync(Person actor, string description, CancellationToken ct = default) =>
        Run(actor, "abnormality.report", null, () =>
        {
            Require(!string.IsNullOrWhiteSpace(description) && description.Length <= 4000, "Y12.3(2)", "abnormality.description",
                "異常の内容を4000文字以内で入力してください。");
            var report = new AbnormalityReport { ReporterId = actor.Id, UnitId = actor.UnitId, Description = description.Trim(), At = clock.GetUtcNow() };
            db.AbnormalityReports.Add(report);
            return Task.FromResult(report);
        }, r => Book.Offices.SecurityManagerUnit, ct);

    /// <summary>Y12.3(2): the security manager's list of abnormality reports, newest first.</summary>
    public Task<List<AbnormalityReport>> AbnormalityReportsAsync(Person actor, CancellationToken ct = default)
    {
        Require(actor.IsSecurityManager(Book), "Y12.3(2)", "abnormality.not-security-manager", "異常の報告を閲覧できるのはシステムセキュリティ責任者です。");
        return db.AbnormalityReports.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
    }

    private List<UnitRequest> FileRequests(Person actor, Draft draft, Alert alert, PolicyVerdict verdict, DateTimeOffset now)
    {
        var input = InputOf(draft);
        var requests = new List<UnitRequest>();
        if (verdict.DistributionRequest is { } d)
            requests.Add(NewRequest(RequestKind.Distribution, actor, d.ToUnit, alert.Id, d.Areas, input, now));
        foreach (var neighbour in verdict.ShareRequests)
            requests.Add(NewRequest(RequestKind.Share, actor, neighbour, alert.Id, Book.Unit(neighbour).Jurisdiction, input, now));
        if (verdict.YahooRelayTo is { } relay)
            requests.Add(NewRequest(RequestKind.YahooRelay, actor, relay, alert.Id, alert.Areas, null, now));
        db.Requests.AddRange(requests);
        return requests;
    }

    private static UnitRequest NewRequest(RequestKind kind, Person actor, string to, long? alertId, IEnumerable<string> areas, DraftInput? payload, DateTimeOffset now) => new()
    {
        Kind = kind, FromUnitId = actor.UnitId, ToUnitId = to, CreatedBy = actor.Id, CreatedAt = now, AlertId = alertId,
        Areas = areas.ToList(), Status = RequestStatus.Open, Payload = payload is null ? null : JsonSerializer.Serialize(payload),
    };

    private async Task<UnitRequest> LoadRequest(long id, CancellationToken ct) =>
        await db.Requests.SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw PolicyRefusedException.Because("T3(2)", "request.unknown", $"要請 {id} はありません。");
}
