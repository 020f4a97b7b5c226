using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow;

public sealed partial class WorkflowService
{
    /// <summary>Y7.2: a draft is read by its own unit, the unit that asked for it, or the security manager.</summary>
    public async Task<DraftView> ViewDraftAsync(Person actor, long draftId, CancellationToken ct = default)
    {
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId, ct)
            ?? throw PolicyRefusedException.Because("Y9.1", "draft.unknown", $"配信文（案）{draftId} はありません。");
        Require(actor.UnitId == draft.UnitId || actor.UnitId == draft.RequestingUnitId || actor.IsSecurityManager(Book),
            "Y7.2", "unit.other", $"他所属（{Book.Unit(draft.UnitId).Name}）の配信文は閲覧できません。");
        var fact = FactOf(draft);
        var author = new Person(draft.AuthorId, draft.UnitId, new HashSet<Role> { Role.Staff });
        var verdict = engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft, At = clock.GetUtcNow(), Actor = author, Draft = fact, FollowUp = await FollowUpOf(draft, ct),
        });
        return new DraftView(
            draft, await Render(draft, fact, ct), verdict,
            await db.Approvals.AsNoTracking().Where(a => a.DraftId == draftId).OrderBy(a => a.Id).ToListAsync(ct),
            await VersionsAsync(draftId, ct),
            await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.DraftId == draftId, ct));
    }

    /// <summary>A sent or scheduled alert, for its unit, the requesting unit and the security manager.</summary>
    public async Task<Alert> ViewAlertAsync(Person actor, long alertId, CancellationToken ct = default)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, ct)
            ?? throw PolicyRefusedException.Because("Y11.3", "alert.unknown", $"配信情報 {alertId} はありません。");
        Require(actor.UnitId == alert.UnitId || actor.UnitId == alert.RequestingUnitId || actor.IsSecurityManager(Book),
            "Y7.2", "unit.other", $"他所属（{Book.Unit(alert.UnitId).Name}）の配信情報は閲覧できません。");
        return alert;
    }

    /// <summary>A request, for the two units it joins and the security manager.</summary>
    public async Task<UnitRequest> ViewRequestAsync(Person actor, long requestId, CancellationToken ct = default)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw PolicyRefusedException.Because("T3(2)", "request.unknown", $"要請 {requestId} はありません。");
        Require(actor.UnitId == request.ToUnitId || actor.UnitId == request.FromUnitId || actor.IsSecurityManager(Book),
            "Y7.2", "unit.other", "他所属あての要請は閲覧できません。");
        return request;
    }
}
