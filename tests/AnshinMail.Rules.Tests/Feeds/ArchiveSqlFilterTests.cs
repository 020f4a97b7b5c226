using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>
/// T5: the archive and the feeds filter by area and municipality in SQL (the alert's areas are a JSON list in one
/// column). On a sample of alerts with random areas, every area and municipality of the book, alone and with a
/// category and a month, lists exactly what the former in-memory filter listed, in the same order, page by page.
/// </summary>
public sealed class ArchiveSqlFilterTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task T5_EveryAreaAndMunicipality_ListsWhatTheInMemoryFilterListed()
    {
        var sent = await _f.SentAlert();
        await using var db = _f.Open();
        var draftId = (await db.Alerts.SingleAsync(a => a.Id == sent.AlertId)).DraftId;
        await ArchiveSample.InsertAsync(_f.Open, draftId, _f.Clock.GetUtcNow(), count: 300, seed: 15);
        var archive = new PublicArchive(db, TestBook.Engine);
        var released = await db.Alerts.AsNoTracking().Where(a => a.Status != AlertStatus.Scheduled)
            .OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).ToListAsync();
        var month = _f.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9));
        var filters = TestBook.Book.AllAreas.Select(a => new ArchiveFilter(Area: a))
            .Concat(TestBook.Book.AreaCodes.Values.Distinct().Select(m => new ArchiveFilter(Municipality: m)))
            .Concat(TestBook.Book.AllAreas.Take(5).Select(a =>
                new ArchiveFilter("child-safety", a, month.Year, month.Month)))
            .Append(new ArchiveFilter(Municipality: "00000"))
            .Append(new ArchiveFilter(Area: "どこにもない地区"));
        foreach (var filter in filters)
        {
            var expected = released.Where(a => InMemory(a, filter)).Select(a => a.Id).ToList();
            var listed = new List<long>();
            for (var page = 1; page == 1 || listed.Count < expected.Count && page < 100; page++)
            {
                var shown = await archive.PageAsync(filter, page, pageSize: 7);
                Assert.Equal(expected.Count, shown.Total);
                if (shown.Alerts.Count == 0) break;
                listed.AddRange(shown.Alerts.Select(a => a.Id));
            }
            Assert.Equal(expected, listed);
        }
    }

    /// <summary>The filter as PublicArchive applied it before, after SQL, on the loaded rows.</summary>
    private static bool InMemory(Alert a, ArchiveFilter f)
    {
        if (f.Category is { } c && a.CategoryId != c) return false;
        if (f.Year is { } y && f.Month is { } m)
        {
            var local = a.StartedAt!.Value.ToOffset(TimeSpan.FromHours(9));
            if (local.Year != y || local.Month != m) return false;
        }
        if (f.Area is { } area && !a.Areas.Contains(area)) return false;
        return f.Municipality is not { } code
            || a.Areas.Select(x => TestBook.Book.AreaCodes.GetValueOrDefault(x)).Contains(code);
    }
}

/// <summary>Alerts with random categories, areas (0–4 of the book's) and start times over ~90 days, inserted in
/// chunks (a deterministic sample: the same seed gives the same alerts).</summary>
public static class ArchiveSample
{
    private static readonly string[] Categories = ["child-safety", "traffic-safety", "women-safety"];

    public static async Task<List<Alert>> InsertAsync(Func<AnshinDbContext> open, long draftId, DateTimeOffset now,
        int count, int seed, int chunk = 5000)
    {
        var random = new Random(seed);
        var areas = TestBook.Book.AllAreas.ToArray();
        var all = new List<Alert>(count);
        for (var done = 0; done < count; done += chunk)
        {
            await using var db = open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var _ in Enumerable.Range(0, Math.Min(chunk, count - done)))
            {
                var alert = new Alert
                {
                    DraftId = draftId,
                    CategoryId = Categories[random.Next(Categories.Length)],
                    UnitId = "nagano-chuo",
                    Areas = areas.OrderBy(_ => random.Next()).Take(random.Next(5)).ToList(),
                    Subject = "件名",
                    Body = "本文",
                    SentBy = "staff",
                };
                alert.StartSending(now.AddMinutes(-random.Next(90 * 24 * 60)));
                db.Alerts.Add(alert);
                all.Add(alert);
            }
            await db.SaveChangesAsync();
        }
        return all;
    }
}
