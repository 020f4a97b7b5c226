using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow;

/// <summary>
/// What every workflow operation shares: the request's storage, the engine, the renderer, the clock and
/// <see cref="UnitAccess"/>; loading a draft or alert, building the facts the rules see, rendering the text
/// residents read. One per request scope; operations are small classes over it.
/// </summary>
public sealed class WorkflowContext(
    AnshinDbContext db, PolicyEngine engine, MessageRenderer renderer, TimeProvider clock,
    Delivery.DeliverySignal? signal = null)
{
    private readonly MessageModelBuilder _models = new(engine.Book, engine.Calendar);

    /// <summary>The request's database context; operations save through it in one transaction.</summary>
    public AnshinDbContext Db => db;
    /// <summary>The policy engine of the book.</summary>
    public PolicyEngine Engine => engine;
    /// <summary>The policy book in force.</summary>
    public PolicyBook Book => engine.Book;
    /// <summary>The clock every policy time is read from.</summary>
    public TimeProvider Clock => clock;
    /// <summary>The current instant of <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();
    /// <summary>Y7.2: who may act on and read which unit's work.</summary>
    public UnitAccess Access { get; } = new(engine.Book);
    /// <summary>Adds audit events to the operation's transaction.</summary>
    public Audit Audit { get; } = new(db, clock);
    /// <summary>Y10: the distribution ledger.</summary>
    public LedgerService Ledger { get; } = new(db, engine, clock);
    internal Delivery.DeliverySignal? Signal => signal;
    /// <summary>Mails the notices an operation wrote, after its commit; none in a host without a mail
    /// transport.</summary>
    public Notices.StaffNoticeMailer? Notices { get; init; }
    /// <summary>訓練: whether this installation is a drill (its alerts are marked so).</summary>
    public Drill.DrillMode Drill { get; init; } = Rules.Drill.DrillMode.Off;

    /// <summary>Y9.4: whether sending hours are open now, and when a held send would go out.</summary>
    public Views.SendingWindow Window()
    {
        var moment = engine.MomentOf(Now);
        return new Views.SendingWindow(moment.InsideSendingHours, moment.InsideSendingHours ? Now : moment.NextOpening);
    }

    /// <summary>Draft <paramref name="id"/>; refused (Japanese message) when there is none.</summary>
    public async Task<Draft> LoadDraft(long id, CancellationToken ct) =>
        await db.Drafts.SingleOrDefaultAsync(d => d.Id == id, ct)
        ?? throw PolicyRefusedException.Because("Y9.1", "draft.unknown", $"配信文（案）{id} はありません。");

    /// <summary>Alert <paramref name="id"/>; refused (Japanese message) when there is none.</summary>
    public async Task<Alert> LoadAlert(long id, CancellationToken ct) =>
        await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct)
        ?? throw PolicyRefusedException.Because("Y11.3", "alert.unknown", $"配信情報 {id} はありません。");

    /// <summary>Request <paramref name="id"/>; refused (Japanese message) when there is none.</summary>
    public async Task<UnitRequest> LoadRequest(long id, CancellationToken ct) =>
        await db.Requests.SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw PolicyRefusedException.Because("T3(2)", "request.unknown", $"要請 {id} はありません。");

    /// <summary>The draft as the rules see it, with its category and units resolved from the book.</summary>
    public DraftFact FactOf(Draft d) => new()
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
        HarmReason = d.HarmReason,
        DivisionInCharge = d.DivisionInCharge,
        ContentHash = d.ComputeHash(),
    };

    /// <summary>The sent alert as the rules see it.</summary>
    public SentAlertFact FactOf(Alert a) => new()
    {
        Id = Refusal.Id(a.Id),
        Category = Book.Category(a.CategoryId),
        Unit = Book.Unit(a.UnitId),
        RequestingUnit = a.RequestingUnitId is null ? null : Book.Unit(a.RequestingUnitId),
        Sent = a.WentOut,
        Resolved = a.ResolvedAt is not null,
    };

    /// <summary>The follow-up fact of a draft that follows up an alert; null for a plain draft.</summary>
    public async Task<FollowUpFact?> FollowUpOf(Draft d, CancellationToken ct) =>
        d.FollowUpOfAlertId is { } id && d.FollowUpKind is { } kind
            ? new FollowUpFact(kind, FactOf(await LoadAlert(id, ct))) : null;

    /// <summary>The draft stage's verdict for this person; refused when it blocks.</summary>
    public async Task<PolicyVerdict> Check(Person actor, Draft draft, CancellationToken ct) =>
        Refusal.Unless(await Evaluate(actor, draft, ct));

    /// <summary>The draft stage's verdict for this person, as the form's preview shows it.</summary>
    public async Task<PolicyVerdict> Evaluate(Person actor, Draft draft, CancellationToken ct) =>
        engine.Evaluate(new PolicyCase
    {
        Stage = PolicyStage.Draft,
        At = Now,
        Actor = actor,
        Draft = FactOf(draft),
        FollowUp = await FollowUpOf(draft, ct),
    });

    /// <summary>The message as residents will read it (follow-ups use the resolution / correction templates).</summary>
    public async Task<RenderedMessage> Render(Draft d, CancellationToken ct)
    {
        var fact = FactOf(d);
        if (d.FollowUpOfAlertId is not { } originalId || d.FollowUpKind is not { } kind)
            return renderer.Render(d.CategoryId, _models.For(fact));
        var original = await LoadAlert(originalId, ct);
        // When it went out to residents: the start, not the end of the fan-out, which would change the text under
        // an approval while the original is still sending (Y9.3); a held original names its time.
        var sentAt = original.StartedAt ?? original.ScheduledFor ?? original.SentAt ?? Now;
        var model = _models.For(fact, kind, _models.Original(original.Subject, sentAt));
        return kind == FollowUpKind.Resolution ? renderer.RenderResolution(model) : renderer.RenderCorrection(model);
    }

    /// <summary>Saves a new draft (to get its id) and records its first version.</summary>
    public async Task<Draft> SaveNew(Person actor, Draft draft, CancellationToken ct)
    {
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        AddVersion(actor, draft);
        return draft;
    }

    /// <summary>Records the draft's current state as a new version saved by <paramref name="actor"/>.</summary>
    public void AddVersion(Person actor, Draft draft) => db.DraftVersions.Add(DraftVersion.Of(draft, actor.Id, Now));
}
