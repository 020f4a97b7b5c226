using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Feeds;

/// <summary>An alert as the public sees it: only what was mailed (never the draft, the author or the victim).</summary>
public sealed record PublicAlert(
    long Id, string CategoryId, string CategoryName, string UnitName, IReadOnlyList<string> Areas,
    string Subject, string Body, DateTimeOffset SentAt, FollowUpKind? FollowUpKind, long? FollowUpOf,
    DateTimeOffset? ResolvedAt)
{
    /// <summary>Y11.2: whether the incident was resolved.</summary>
    public bool Resolved => ResolvedAt is not null;

    /// <summary>The advice (呼びかけ) as typed into the draft and mailed in the body; CAP's &lt;instruction&gt;.</summary>
    public string Advice { get; init; } = "";

    /// <summary>T3(3): whom to ask (the requesting unit, if any) and its phone; CAP's &lt;contact&gt;.</summary>
    public string Contact { get; init; } = "";

    /// <summary>When the alert was withdrawn from the public side; its text is then no longer shown.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Y11.3: whether it was withdrawn from the public side.</summary>
    public bool Withdrawn => WithdrawnAt is not null;

    /// <summary>訓練: sent by a drill (its subject carries 【訓練】, CAP says Exercise).</summary>
    public bool Drill { get; init; }
}

/// <summary>A page of the archive, newest first.</summary>
public sealed record ArchivePage(IReadOnlyList<PublicAlert> Alerts, int Page, int PageSize, int Total)
{
    /// <summary>How many pages the archive has at this page size (at least one).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// What the archive lists: a category, an area of the book, a municipality (its JIS X 0402 code, which covers
/// every area inside it), a month (Japan time), and alerts sent since an instant (the map's last 30 days).
/// </summary>
public sealed record ArchiveFilter(
    string? Category = null, string? Area = null, int? Year = null, int? Month = null,
    string? Municipality = null, DateTimeOffset? Since = null);

/// <summary>The public archive: alerts that went out (sending or sent), filtered by category, area and month (Japan
/// time).</summary>
public sealed class PublicArchive(AnshinDbContext db, PolicyEngine engine, Drill.DrillMode? drill = null)
{
    // 訓練: a real run lists no drill alert; a drill lists only its own, marked.
    private readonly bool _drill = drill?.Active ?? false;

    private PolicyBook Book => engine.Book;

    /// <summary>One page of released alerts, newest first, of a category, area, year and month when given.</summary>
    public async Task<ArchivePage> PageAsync(string? category = null, string? area = null, int? year = null,
        int? month = null,
        int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        await PageAsync(new ArchiveFilter(category, area, year, month), page, pageSize, ct);

    /// <summary>One page of released alerts matching <paramref name="filter"/>, newest first.</summary>
    public async Task<ArchivePage> PageAsync(ArchiveFilter filter, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        var query = Filtered(filter).OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new ArchivePage(await PublicAsync(rows, ct), page, pageSize, total);
    }

    /// <summary>
    /// T5 (the archive map): how many alerts went out per municipality (JIS X 0402 code) under
    /// <paramref name="filter"/>, counted as the archive filtered to that municipality lists them: an alert for
    /// both halves of 長野市 counts once for 長野市.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsByMunicipalityAsync(ArchiveFilter filter,
        CancellationToken ct = default) =>
        (await Filtered(filter).Select(a => a.Areas).ToListAsync(ct)).SelectMany(areas => Codes(areas).Distinct())
            .GroupBy(code => code).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Every filter in SQL (the archive grows by thousands of alerts a year): the areas too, as "the
    /// alert's list holds one of these areas" (<see cref="JsonListFunctions"/>).</summary>
    private IQueryable<Alert> Filtered(ArchiveFilter filter)
    {
        var query = Released();
        if (!string.IsNullOrEmpty(filter.Category)) query = query.Where(a => a.CategoryId == filter.Category);
        if (filter.Year is { } y and >= 2000 and <= 2100 && filter.Month is { } m and >= 1 and <= 12)
        {
            var from = Local(y, m);
            var to = m == 12 ? Local(y + 1, 1) : Local(y, m + 1);
            query = query.Where(a => a.StartedAt >= from && a.StartedAt < to);
        }
        if (filter.Since is { } since) query = query.Where(a => a.StartedAt >= since);
        if (!string.IsNullOrEmpty(filter.Area)) query = query.Where(HoldsAnyOf([filter.Area]));
        if (!string.IsNullOrEmpty(filter.Municipality))
            query = query.Where(HoldsAnyOf(
                Book.AreaCodes.Where(c => c.Value == filter.Municipality).Select(c => c.Key)));
        return query;
    }

    /// <summary>alert => its areas hold one of <paramref name="areas"/> (none: no alert).</summary>
    private static Expression<Func<Alert, bool>> HoldsAnyOf(IEnumerable<string> areas) =>
        JsonListFunctions.HoldsAnyOf<Alert>(a => a.Areas, areas);

    private IEnumerable<string> Codes(IEnumerable<string> areas) =>
        areas.Select(a => Book.AreaCodes.GetValueOrDefault(a)).OfType<string>();

    /// <summary>The released alert <paramref name="id"/> as the public sees it, or null.</summary>
    public async Task<PublicAlert?> FindAsync(long id, CancellationToken ct = default) =>
        (await PublicAsync(await Released().Where(a => a.Id == id).ToListAsync(ct), ct)).SingleOrDefault();

    /// <summary>The released follow-ups of alert <paramref name="id"/>, oldest first.</summary>
    public async Task<IReadOnlyList<PublicAlert>> FollowUpsAsync(long id, CancellationToken ct = default) =>
        await PublicAsync(
            await Released().Where(a => a.FollowUpOfAlertId == id).OrderBy(a => a.Id).ToListAsync(ct), ct);

    /// <summary>
    /// Y11.3: the alert's thread as the public sees it: its original and every follow-up of that original
    /// (the alert itself included), oldest first; for an original, the original and its follow-ups.
    /// </summary>
    public async Task<IReadOnlyList<PublicAlert>> ThreadAsync(PublicAlert alert, CancellationToken ct = default)
    {
        var root = alert.FollowUpOf ?? alert.Id;
        var rows = await Released().Where(a => a.Id == root || a.FollowUpOfAlertId == root)
            .OrderBy(a => a.Id).ToListAsync(ct);
        return await PublicAsync(rows, ct);
    }

    private IQueryable<Alert> Released() =>
        db.Alerts.AsNoTracking().Where(a => a.Status != AlertStatus.Scheduled && a.StartedAt != null
            && a.Drill == _drill);

    private DateTimeOffset Local(int year, int month)
    {
        var local = new DateTime(year, month, 1);
        return new DateTimeOffset(local, Book.Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The alerts as the public sees them, with the advice of their drafts: of a draft only the advice is
    /// read out, which the templates print in the body (never the author, the victim or any other field).
    /// </summary>
    private async Task<IReadOnlyList<PublicAlert>> PublicAsync(IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        var ids = alerts.Select(a => a.DraftId).Distinct().ToList();
        var fields = await db.Drafts.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Fields }).ToListAsync(ct);
        var advice = fields.ToDictionary(d => d.Id, d => d.Fields.Advice);
        return alerts.Select(a => ToPublic(a, advice.GetValueOrDefault(a.DraftId) ?? "")).ToList();
    }

    /// <summary>Y11.3: a withdrawn alert keeps its place in the archive, but the public reads the book's withdrawal
    /// text.</summary>
    private PublicAlert ToPublic(Alert a, string advice)
    {
        var shown = a.WithdrawnAt is null ? Shown(a, advice) : Shown(a, "") with
        {
            Subject = Book.CapWithdrawal.Headline,
            Body = Book.CapWithdrawal.Description,
        };
        // 訓練: whatever a drill shows says it is one.
        return a.Drill
            ? shown with { Subject = Rules.Drill.DrillMode.SubjectMark + shown.Subject, Drill = true }
            : shown;
    }

    private PublicAlert Shown(Alert a, string advice) => new(
        a.Id, a.CategoryId, Book.Categories.FirstOrDefault(c => c.Id == a.CategoryId)?.Name ?? a.CategoryId,
        Book.FindUnit(a.UnitId)?.Name ?? a.UnitId, a.Areas, a.Subject, a.Body, a.StartedAt!.Value, a.FollowUpKind,
        a.FollowUpOfAlertId, a.ResolvedAt)
    {
        Advice = advice,
        WithdrawnAt = a.WithdrawnAt,
        Contact = Book.FindUnit(a.RequestingUnitId ?? a.UnitId) is { } unit ? $"{unit.Name}（{unit.Phone}）" : "",
    };
}
