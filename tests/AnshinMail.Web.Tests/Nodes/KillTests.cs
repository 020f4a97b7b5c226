using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests;
using AnshinMail.Rules.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AnshinMail.Web.Tests.Nodes;

/// <summary>
/// Y13 (around the clock): two app processes on one database and one SMTP relay fan an alert out together; one is
/// killed with SIGKILL mid-way; the other finishes it once the dead node's leases expire. Every resident gets the
/// alert at least once, duplicates are at most the dead node's connections × batch size, and the counters (the
/// alert's progress, its batches, the ledger) are exact.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Residents = 3000, Batch = 20, Connections = 2;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(4);

    [Fact]
    public Task Y13_KillOneNodeMidFanOut_TheOtherFinishes_OnSqlite() => Run(StorageOptions.Sqlite);

    [SkippableFact]
    public Task Y13_KillOneNodeMidFanOut_TheOtherFinishes_OnPostgres()
    {
        var reason = TestPostgres.SkipReason();
        Skip.If(reason is not null, reason);
        return Run(StorageOptions.Postgres);
    }

    private async Task Run(string provider)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var database = new TestDatabase(provider);
        var book = PolicyBook.Load(AppNode.BookPath());
        long alertId;
        await using (var db = database.Open()) alertId = await FanOutSeed.RunAsync(db, book, Residents);
        output.WriteLine($"{provider}: seeded at {watch.Elapsed.TotalSeconds:0.0} s");
        await using var smtp = new TestSmtpServer { DelayEach = TimeSpan.FromMilliseconds(8) }.Start();
        using var victim = new AppNode("node-a", database, smtp.Port, Batch, Connections, Lease);
        using var survivor = new AppNode("node-b", database, smtp.Port, Batch, Connections, Lease);

        // Mid-way: both nodes have sent, the victim holds batches, and most of the fan-out is still to come.
        await Until(database, victim, async db =>
        {
            var owners = await db.DeliveryBatches.Where(b => !b.Done && b.LeaseOwner != null)
                .Select(b => b.LeaseOwner).Distinct().ToListAsync();
            var done = await db.DeliveryBatches.CountAsync(b => b.Done);
            return owners.Contains("node-a") && owners.Contains("node-b") && done >= 5;
        }, "both nodes at work");
        victim.Kill();
        output.WriteLine($"{provider}: killed node-a at {watch.Elapsed.TotalSeconds:0.0} s, {smtp.Accepted.Count} accepted");
        int doneAtKill;
        await using (var db = database.Open()) doneAtKill = await db.DeliveryBatches.CountAsync(b => b.Done);
        Assert.InRange(doneAtKill, 5, Residents / Batch / 2);

        await Until(database, survivor,
            async db => (await db.Alerts.SingleAsync(a => a.Id == alertId)).Status == AlertStatus.Sent, "sent");

        var ids = smtp.MessageIds.ToList();
        output.WriteLine($"{provider}: sent at {watch.Elapsed.TotalSeconds:0.0} s, {ids.Count} accepted, "
            + $"{ids.Count - ids.Distinct().Count()} duplicates");
        Assert.Equal(Residents, ids.Distinct().Count());
        Assert.InRange(ids.Count - Residents, 0, Connections * Batch);
        await using var check = database.Open();
        var alert = await check.Alerts.AsNoTracking().SingleAsync(a => a.Id == alertId);
        Assert.Equal((Residents, Residents, 0, 0), (alert.Recipients, alert.Delivered, alert.Failed, alert.Held));
        Assert.Equal(Residents, await check.DeliveryBatches.Where(b => b.AlertId == alertId).SumAsync(b => b.Delivered));
        Assert.Equal(Residents, (await check.LedgerEntries.SingleAsync(e => e.Id == alert.LedgerEntryId)).Recipients);
        var progress = await DeliveryProgress.OfAsync(check, alertId, TimeProvider.System);
        Assert.Equal((100, 0, Residents), (progress!.Percent, progress.Remaining, progress.Delivered));
        Assert.False(survivor.HasExited, string.Join('\n', survivor.Output));
    }

    /// <summary>Polls the database until <paramref name="condition"/> holds; fails after a generous ceiling.</summary>
    private static async Task Until(TestDatabase database, AppNode node, Func<AnshinDbContext, Task<bool>> condition,
        string what)
    {
        using var ceiling = new CancellationTokenSource(Ceiling);
        while (true)
        {
            await using (var db = database.Open())
                if (await condition(db)) return;
            Assert.False(node.HasExited, $"{node.Id} exited: " + string.Join('\n', node.Output));
            Assert.False(ceiling.IsCancellationRequested, $"not {what} within {Ceiling}: " + string.Join('\n', node.Output));
            await Task.Delay(50);
        }
    }
}

/// <summary>The kill tests run their four app processes alone: two cores are few for more.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillCollection
{
    public const string Name = "Kill tests";
}
