using System.Diagnostics;
using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Benchmarks;

/// <summary>Exports a year of N ledger entries to CSV and reports time, file size and memory (is it flat?).</summary>
public static class LedgerBenchmark
{
    public static async Task Run(int entries)
    {
        var engine = new PolicyEngine(PolicyBook.Load(Repository.Find("rules/nagano.json")));
        var dbPath = Path.Combine(Path.GetTempPath(), $"anshin-ledger-{Guid.NewGuid():N}.db");
        var csvPath = Path.ChangeExtension(dbPath, ".csv");
        var storage = new StorageOptions { ConnectionString = $"Data Source={dbPath}" };
        storage.Migrate();
        try
        {
            var body = string.Concat(Enumerable.Repeat("下校中の児童が男から声をかけられる事案が発生しました。\n", 12));
            for (var start = 0; start < entries; start += 10_000)
            {
                await using var db = new AnshinDbContext(storage.Build());
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = start; i < Math.Min(entries, start + 10_000); i++)
                    db.LedgerEntries.Add(new LedgerEntry
                    {
                        Year = 2026, Serial = i + 1, CategoryId = "child-safety", SendingUnitId = "nagano-chuo", AuthorId = "staff1",
                        ApproverId = "head1", Regime = "Distributor", PostReportStatus = "不要", Confirmations = "a,b,c",
                        ApprovedAt = new DateTimeOffset(2026, 5, 1, 3, 0, 0, TimeSpan.Zero), SentAt = new DateTimeOffset(2026, 5, 1, 3, 5, 0, TimeSpan.Zero),
                        Recipients = 12_345, Subject = $"【子供安全情報】声かけ事案の発生 {i}", Body = body,
                    });
                await db.SaveChangesAsync();
            }
            GC.Collect();
            var before = GC.GetTotalMemory(true) / (1024.0 * 1024);
            var allocated = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            await using (var db = new AnshinDbContext(storage.Build()))
            await using (var file = File.Create(csvPath))
                await new LedgerService(db, engine, TimeProvider.System).ExportCsvAsync(2026, file);
            watch.Stop();
            var after = GC.GetTotalMemory(false) / (1024.0 * 1024);
            var churn = (GC.GetTotalAllocatedBytes(true) - allocated) / (1024.0 * 1024);
            var size = new FileInfo(csvPath).Length / (1024.0 * 1024);
            Console.WriteLine($"ledger CSV: {entries:N0} rows, {size:N0} MB file, {watch.Elapsed.TotalSeconds:0.00} s, " +
                $"managed heap {before:N0} MB before → {after:N0} MB after (no forced GC), {churn:N0} MB allocated in total, " +
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(dbPath + suffix);
            File.Delete(csvPath);
        }
    }
}
