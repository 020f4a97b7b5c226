using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow;

/// <summary>
/// The alert lifecycle every front end uses: each operation evaluates the <see cref="PolicyEngine"/>,
/// refuses with a <see cref="PolicyRefusedException"/> carrying the findings when one blocks, writes
/// in one transaction, and records an audit event (who, unit, what, when, outcome) — also when refused.
/// Authorization (role and unit) is enforced here.
/// </summary>
public sealed partial class WorkflowService(
    AnshinDbContext db, PolicyEngine engine, MessageRenderer renderer, TimeProvider clock, Delivery.DeliverySignal? signal = null)
{
    private readonly Audit _audit = new(db, clock);
    private readonly LedgerService _ledger = new(db, engine, clock);
    private readonly MessageModelBuilder _models = new(engine.Book, engine.Calendar);

    private PolicyBook Book => engine.Book;

    private static readonly Role[] Writers = [Role.Staff, Role.Assistant, Role.Distributor, Role.PrOfficer, Role.DutyOfficer];
    private static readonly Role[] Approvers = [Role.Distributor, Role.PrOfficer, Role.DutyOfficer];

    /// <summary>Runs one operation in one transaction; audits its outcome, including a refusal (after rolling back).</summary>
    private async Task<T> Run<T>(Person actor, string action, string? target, Func<Task<T>> work, Func<T, string?>? describe, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            _audit.Record(actor, action, target ?? describe?.Invoke(result), "ok");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (PolicyRefusedException refused)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            _audit.Record(actor, action, target, "refused", string.Join(",", refused.Findings.Where(f => f.Severity == Severity.Block).Select(f => f.Code)));
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    private static void Require(bool condition, string clause, string code, string message)
    {
        if (!condition) throw PolicyRefusedException.Because(clause, code, message);
    }

    private static void RequireWriter(Person actor) =>
        Require(Writers.Any(actor.Has), "Y7.2", "role.not-staff", "配信文を扱えるのは所属の職員です。");

    private static void RequireOwnUnit(Person actor, string unitId, string unitName) =>
        Require(actor.UnitId == unitId, "Y7.2", "unit.other", $"他所属（{unitName}）の業務は扱えません。自所属の業務に限られます。");

    private static PolicyVerdict Refuse(PolicyVerdict verdict) =>
        verdict.Blocked ? throw new PolicyRefusedException(verdict.Findings) : verdict;

    private async Task<Draft> LoadDraft(long id, CancellationToken ct) =>
        await db.Drafts.SingleOrDefaultAsync(d => d.Id == id, ct)
        ?? throw PolicyRefusedException.Because("Y9.1", "draft.unknown", $"配信文（案）{id} はありません。");

    private async Task<Alert> LoadAlert(long id, CancellationToken ct) =>
        await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct)
        ?? throw PolicyRefusedException.Because("Y11.3", "alert.unknown", $"配信情報 {id} はありません。");

    private DraftFact FactOf(Draft d) => new()
    {
        Category = Book.Category(d.CategoryId),
        Unit = Book.Unit(d.UnitId),
        RequestingUnit = d.RequestingUnitId is null ? null : Book.Unit(d.RequestingUnitId),
        AuthorId = d.AuthorId,
        Victim = d.Victim,
        Fields = d.Fields,
        TargetAreas = d.TargetAreas,
        NearBorder = d.NearBorder,
        IncidentArea = d.IncidentArea,
        Harm = d.Harm,
        ContentHash = d.ComputeHash(),
    };

    private SentAlertFact FactOf(Alert a) => new()
    {
        Id = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Category = Book.Category(a.CategoryId),
        Unit = Book.Unit(a.UnitId),
        RequestingUnit = a.RequestingUnitId is null ? null : Book.Unit(a.RequestingUnitId),
        Sent = a.Status != AlertStatus.Scheduled,
        Resolved = a.ResolvedAt is not null,
    };

    private async Task<FollowUpFact?> FollowUpOf(Draft d, CancellationToken ct) =>
        d.FollowUpOfAlertId is { } id && d.FollowUpKind is { } kind ? new FollowUpFact(kind, FactOf(await LoadAlert(id, ct))) : null;

    /// <summary>The message as residents will read it (follow-ups use the resolution / correction templates).</summary>
    private async Task<RenderedMessage> Render(Draft d, DraftFact fact, CancellationToken ct)
    {
        if (d.FollowUpOfAlertId is not { } originalId || d.FollowUpKind is not { } kind)
            return renderer.Render(d.CategoryId, _models.For(fact));
        var original = await LoadAlert(originalId, ct);
        var model = _models.For(fact, kind, _models.Original(original.Subject, original.SentAt ?? original.ScheduledFor ?? original.StartedAt ?? clock.GetUtcNow()));
        return kind == FollowUpKind.Resolution ? renderer.RenderResolution(model) : renderer.RenderCorrection(model);
    }
}
