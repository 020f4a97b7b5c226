using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>
/// T5, issue 15: the public archive on PostgreSQL with 50,000 alerts stays paged (every query of the alerts is a
/// COUNT or carries a LIMIT: no page loads the archive) and lists what the alerts hold, first and last page, by
/// area and by municipality.
/// </summary>
public sealed class ArchiveScaleTests
{
    private const int Alerts = 50_000, PageSize = 20;

    [SkippableFact]
    public async Task T5_FiftyThousandAlerts_OnPostgres_PagesInSql_AndListsWhatTheyHold()
    {
        var reason = TestPostgres.SkipReason();
        Skip.If(reason is not null, reason);
        using var f = new WorkflowFixture(StorageOptions.Postgres);
        var sent = await f.SentAlert();
        long draftId;
        await using (var db = f.Open()) draftId = (await db.Alerts.SingleAsync(a => a.Id == sent.AlertId)).DraftId;
        var sample = await ArchiveSample.InsertAsync(f.Open, draftId, f.Clock.GetUtcNow(), Alerts, seed: 50);
        await using (var db = f.Open()) sample = await db.Alerts.AsNoTracking().ToListAsync();
        var area = TestBook.Book.AllAreas.First();
        var code = TestBook.Book.AreaCodes[area];
        await AssertPages(f, sample, new ArchiveFilter(Area: area), a => a.Areas.Contains(area));
        await AssertPages(f, sample, new ArchiveFilter(Municipality: code),
            a => a.Areas.Any(x => TestBook.Book.AreaCodes.GetValueOrDefault(x) == code));
    }

    private static async Task AssertPages(WorkflowFixture f, List<Alert> sample, ArchiveFilter filter,
        Func<Alert, bool> holds)
    {
        var expected = sample.Where(holds).OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id).ToList();
        Assert.InRange(expected.Count, PageSize * 10, Alerts);
        var lastPage = (expected.Count + PageSize - 1) / PageSize;
        foreach (var page in new[] { 1, lastPage })
        {
            var commands = new List<string>();
            var options = new DbContextOptionsBuilder<AnshinDbContext>();
            f.File.Options.Configure(options)
                .LogTo(commands.Add, [RelationalEventId.CommandExecuted], LogLevel.Information);
            await using var db = new AnshinDbContext(options.Options);
            var shown = await new PublicArchive(db, TestBook.Engine).PageAsync(filter, page, PageSize);
            Assert.Equal(expected.Count, shown.Total);
            Assert.Equal(expected.Skip((page - 1) * PageSize).Take(PageSize), shown.Alerts.Select(a => a.Id));
            var ofAlerts = commands.Where(c => c.Contains("FROM alerts", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, ofAlerts.Count);
            Assert.All(ofAlerts, c => Assert.True(c.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase)
                || c.Contains("LIMIT", StringComparison.Ordinal), c));
        }
    }
}
