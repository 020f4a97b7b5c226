using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Reports;

/// <summary>One month of a year: alerts started per category, and confirmed subscribers at its end.</summary>
public sealed record MonthFigures(int Month, IReadOnlyDictionary<string, int> AlertsByCategory, int Subscribers)
{
    /// <summary>Alerts started that month, over all categories.</summary>
    public int Alerts => AlertsByCategory.Values.Sum();
}

/// <summary>Figures for the dashboard, in the book's local time.</summary>
public sealed class Statistics(AnshinDbContext db, PolicyEngine engine)
{
    /// <summary>Whether a year's bounds, in any zone, fit in a DateTimeOffset (years 2 to 9998).</summary>
    public static bool Covers(int year) => year is > 1 and < 9999;

    /// <summary>The twelve months of <paramref name="year"/> (local time), January first.</summary>
    public async Task<IReadOnlyList<MonthFigures>> YearAsync(int year, CancellationToken ct = default)
    {
        if (!Covers(year)) throw new ArgumentOutOfRangeException(nameof(year), year, "Years 2 to 9998 only.");
        var zone = engine.Book.Zone;
        var start = new DateTimeOffset(new DateTime(year, 1, 1), zone.GetUtcOffset(new DateTime(year, 1, 1)));
        var end = new DateTimeOffset(new DateTime(year + 1, 1, 1), zone.GetUtcOffset(new DateTime(year + 1, 1, 1)));
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.StartedAt >= start && a.StartedAt < end)
            .Select(a => new { a.CategoryId, a.StartedAt }).ToListAsync(ct);
        var confirmed = await db.Subscribers.AsNoTracking().Where(s => s.Confirmed && s.ConfirmedAt < end)
            .Select(s => s.ConfirmedAt).ToListAsync(ct);
        return Enumerable.Range(1, 12).Select(m =>
        {
            var byCategory = engine.Book.Categories.ToDictionary(c => c.Id,
                c => alerts.Count(a => a.CategoryId == c.Id && engine.Calendar.ToLocal(a.StartedAt!.Value).Month == m));
            var monthEnd = m == 12 ? end
                : new DateTimeOffset(new DateTime(year, m + 1, 1), zone.GetUtcOffset(new DateTime(year, m + 1, 1)));
            return new MonthFigures(m, byCategory, confirmed.Count(c => c < monthEnd));
        }).ToList();
    }
}
