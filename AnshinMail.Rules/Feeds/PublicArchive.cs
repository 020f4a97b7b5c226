using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Feeds;

/// <summary>An alert as the public sees it: only what was mailed (never the draft, the author or the victim).</summary>
public sealed record PublicAlert(
    long Id, string CategoryId, string CategoryName, string UnitName, IReadOnlyList<string> Areas,
    string Subject, string Body, DateTimeOffset SentAt, FollowUpKind? FollowUpKind, long? FollowUpOf, DateTimeOffset? ResolvedAt)
{
    public bool Resolved => ResolvedAt is not null;
}

/// <summary>A page of the archive, newest first.</summary>
public sealed record ArchivePage(IReadOnlyList<PublicAlert> Alerts, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The public archive: alerts that went out (sending or sent), filtered by category, area and month (Japan time).</summary>
public sealed class PublicArchive(AnshinDbContext db, PolicyEngine engine)
{
    private PolicyBook Book => engine.Book;

    public async Task<ArchivePage> PageAsync(string? category = null, string? area = null, int? year = null, int? month = null,
        int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var query = Released();
        if (!string.IsNullOrEmpty(category)) query = query.Where(a => a.CategoryId == category);
        if (year is { } y and >= 2000 and <= 2100 && month is { } m and >= 1 and <= 12)
        {
            var from = Local(y, m);
            var to = m == 12 ? Local(y + 1, 1) : Local(y, m + 1);
            query = query.Where(a => a.StartedAt >= from && a.StartedAt < to);
        }
        // Areas are a JSON list in one column: filtered in memory after the cheap filters (the archive is small).
        var rows = await query.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        if (!string.IsNullOrEmpty(area)) rows = rows.Where(a => a.Areas.Contains(area)).ToList();
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        return new ArchivePage(rows.Skip((page - 1) * pageSize).Take(pageSize).Select(ToPublic).ToList(), page, pageSize, rows.Count);
    }

    public async Task<PublicAlert?> FindAsync(long id, CancellationToken ct = default) =>
        await Released().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a ? ToPublic(a) : null;

    public async Task<IReadOnlyList<PublicAlert>> FollowUpsAsync(long id, CancellationToken ct = default) =>
        (await Released().Where(a => a.FollowUpOfAlertId == id).OrderBy(a => a.Id).ToListAsync(ct)).Select(ToPublic).ToList();

    private IQueryable<Alert> Released() =>
        db.Alerts.AsNoTracking().Where(a => a.Status != AlertStatus.Scheduled && a.StartedAt != null);

    private DateTimeOffset Local(int year, int month)
    {
        var local = new DateTime(year, month, 1);
        return new DateTimeOffset(local, Book.Zone.GetUtcOffset(local));
    }

    private PublicAlert ToPublic(Alert a) => new(
        a.Id, a.CategoryId, Book.Categories.FirstOrDefault(c => c.Id == a.CategoryId)?.Name ?? a.CategoryId,
        Book.FindUnit(a.UnitId)?.Name ?? a.UnitId, a.Areas, a.Subject, a.Body, a.StartedAt!.Value, a.FollowUpKind, a.FollowUpOfAlertId, a.ResolvedAt);
}
