using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow;

public sealed partial class WorkflowService
{

    /// <summary>Live preview: the rendered message and the findings, nothing saved, nothing audited.</summary>
    public async Task<DraftPreview> PreviewAsync(Person actor, DraftInput input, long? followUpOfAlertId = null, FollowUpKind? kind = null, CancellationToken ct = default)
    {
        Validate(input);
        var draft = NewDraft(actor, input, clock.GetUtcNow());
        draft.FollowUpOfAlertId = followUpOfAlertId;
        draft.FollowUpKind = kind;
        var fact = FactOf(draft);
        var verdict = engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft, At = clock.GetUtcNow(), Actor = actor, Draft = fact, FollowUp = await FollowUpOf(draft, ct),
        });
        return new DraftPreview(verdict, await Render(draft, fact, ct));
    }

    /// <summary>Y9.1: a staff member writes a draft for their own unit.</summary>
    public Task<Draft> CreateDraftAsync(Person actor, DraftInput input, CancellationToken ct = default) =>
        Run(actor, "draft.create", null, async () =>
        {
            RequireWriter(actor);
            Validate(input);
            var draft = NewDraft(actor, input, clock.GetUtcNow());
            await Check(actor, draft, ct);
            return await SaveNew(actor, draft, ct);
        }, d => Id(d.Id), ct);

    /// <summary>Y11.3: a resolution, correction or supplement of a sent alert, prefilled from the original.</summary>
    public Task<Draft> CreateFollowUpAsync(Person actor, long alertId, FollowUpKind kind, DraftInput? input = null, CancellationToken ct = default) =>
        Run(actor, "draft.follow-up", null, async () =>
        {
            RequireWriter(actor);
            var original = await LoadAlert(alertId, ct);
            var source = await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == original.DraftId, ct);
            input ??= InputOf(source) with { TargetAreas = original.Areas };
            Validate(input);
            var draft = NewDraft(actor, input, clock.GetUtcNow());
            draft.FollowUpOfAlertId = alertId;
            draft.FollowUpKind = kind;
            draft.RequestingUnitId = actor.UnitId == original.UnitId ? source.RequestingUnitId : null;
            draft.ContentHash = draft.ComputeHash();
            await Check(actor, draft, ct);
            return await SaveNew(actor, draft, ct);
        }, d => Id(d.Id), ct);

    /// <summary>Y9.3: edits make a new version; an approval given before no longer covers it.</summary>
    public Task<Draft> EditDraftAsync(Person actor, long draftId, DraftInput input, CancellationToken ct = default) =>
        Run(actor, "draft.edit", Id(draftId), async () =>
        {
            RequireWriter(actor);
            Validate(input);
            var draft = await LoadDraft(draftId, ct);
            RequireOwnUnit(actor, draft.UnitId, Book.Unit(draft.UnitId).Name);
            Require(draft.Status != DraftStatus.Released, "Y9.3", "draft.released", "配信済み（予約済み）の配信文は変更できません。修正・補足を作成してください。");
            Require(draft.CategoryId == input.CategoryId || draft.FollowUpOfAlertId is null, "Y11.3", "follow-up.category", "解除・修正・補足の情報種別は元の配信と同じです。");
            draft.CategoryId = input.CategoryId;
            draft.Fields = input.Fields;
            draft.TargetAreas = input.TargetAreas.ToList();
            draft.NearBorder = input.NearBorder;
            draft.IncidentArea = input.IncidentArea;
            draft.Harm = input.Harm;
            draft.VictimAge = input.VictimAge;
            draft.VictimSex = input.VictimSex;
            var hash = draft.ComputeHash();
            if (hash == draft.ContentHash) return draft;
            await Check(actor, draft, ct);
            draft.ContentHash = hash;
            draft.Version++;
            draft.Status = DraftStatus.Writing;
            draft.RejectionReason = null;
            draft.UpdatedAt = clock.GetUtcNow();
            AddVersion(actor, draft);
            return draft;
        }, null, ct);

    /// <summary>The author (or a colleague) hands the draft to the approvers.</summary>
    public Task<Draft> SubmitAsync(Person actor, long draftId, CancellationToken ct = default) =>
        Run(actor, "draft.submit", Id(draftId), async () =>
        {
            RequireWriter(actor);
            var draft = await LoadDraft(draftId, ct);
            RequireOwnUnit(actor, draft.UnitId, Book.Unit(draft.UnitId).Name);
            Require(draft.Status is DraftStatus.Writing or DraftStatus.Rejected, "Y9.2", "draft.not-writing", "この配信文（案）は既に提出されています。");
            await Check(actor, draft, ct);
            draft.Status = DraftStatus.Submitted;
            draft.UpdatedAt = clock.GetUtcNow();
            return draft;
        }, null, ct);

    /// <summary>The drafts of a unit that are not yet released, newest first.</summary>
    public Task<List<Draft>> PendingDraftsAsync(string unitId, CancellationToken ct = default) =>
        db.Drafts.AsNoTracking().Where(d => d.UnitId == unitId && d.Status != DraftStatus.Released)
            .OrderByDescending(d => d.Id).ToListAsync(ct);

    public Task<List<DraftVersion>> VersionsAsync(long draftId, CancellationToken ct = default) =>
        db.DraftVersions.AsNoTracking().Where(v => v.DraftId == draftId).OrderBy(v => v.Version).ToListAsync(ct);

    public static DraftInput InputOf(Draft d) => new()
    {
        CategoryId = d.CategoryId, Fields = d.Fields, TargetAreas = d.TargetAreas, NearBorder = d.NearBorder,
        IncidentArea = d.IncidentArea, Harm = d.Harm, VictimAge = d.VictimAge, VictimSex = d.VictimSex,
    };

    private async Task Check(Person actor, Draft draft, CancellationToken ct) =>
        Refuse(engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft, At = clock.GetUtcNow(), Actor = actor, Draft = FactOf(draft), FollowUp = await FollowUpOf(draft, ct),
        }));

    private Draft NewDraft(Person actor, DraftInput input, DateTimeOffset now)
    {
        var draft = new Draft
        {
            CategoryId = input.CategoryId, UnitId = actor.UnitId, AuthorId = actor.Id, Fields = input.Fields,
            TargetAreas = input.TargetAreas.ToList(), NearBorder = input.NearBorder, IncidentArea = input.IncidentArea,
            Harm = input.Harm, VictimAge = input.VictimAge, VictimSex = input.VictimSex,
            Status = DraftStatus.Writing, Version = 1, ContentHash = "", CreatedAt = now, UpdatedAt = now,
        };
        draft.ContentHash = draft.ComputeHash();
        return draft;
    }

    /// <summary>Saves a new draft (to get its id) and records its first version.</summary>
    private async Task<Draft> SaveNew(Person actor, Draft draft, CancellationToken ct)
    {
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        AddVersion(actor, draft);
        return draft;
    }

    private void AddVersion(Person actor, Draft draft) => db.DraftVersions.Add(new DraftVersion
    {
        DraftId = draft.Id, Version = draft.Version, SavedBy = actor.Id, SavedAt = clock.GetUtcNow(),
        ContentHash = draft.ContentHash, Fields = draft.Fields, TargetAreas = draft.TargetAreas.ToList(),
    });

    /// <summary>Input checks that are not policy: known category and unit, lengths.</summary>
    private void Validate(DraftInput input) => Drafts.DraftValidation.Validate(Book, input);

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
