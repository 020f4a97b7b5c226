using System.Diagnostics;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AnshinMail.Rules.Tests.Storage;

/// <summary>
/// Y13: the restores docs/operations.md describes, tried: SQLite's online backup taken while a connection is open,
/// and pg_dump of a PostgreSQL database restored with pg_restore into another one; the app's code then reads the
/// copy (up to date, the same alerts, the public archive).
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Y13_SqliteOnlineBackup_RestoredFile_ReadsTheSameAlerts()
    {
        using var f = new WorkflowFixture(StorageOptions.Sqlite);
        var sent = await f.SentAlert();
        var copy = Path.Combine(Path.GetTempPath(), $"anshin-backup-{Guid.NewGuid():N}.db");
        try
        {
            await using (var open = f.Open())
            {
                await open.Alerts.CountAsync(); // the app is running: a connection stays open during the backup
                SqliteBackup.Write(f.File.Options, copy);
                Assert.Throws<IOException>(() => SqliteBackup.Write(f.File.Options, copy));
            }
            await f.SentAlert("traffic-safety"); // after the backup: not in the copy
            await AssertReads(new StorageOptions { ConnectionString = $"Data Source={copy}" }, sent.AlertId, 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [SkippableFact]
    public async Task Y13_PgDump_RestoredIntoAnotherDatabase_ReadsTheSameAlerts()
    {
        var reason = TestPostgres.SkipReason();
        Skip.If(reason is not null, reason);
        using var f = new WorkflowFixture(StorageOptions.Postgres);
        var sent = await f.SentAlert();
        var dump = Path.Combine(Path.GetTempPath(), $"anshin-{Guid.NewGuid():N}.dump");
        var restored = TestPostgres.CreateEmptyDatabase();
        try
        {
            await Run("pg_dump", "--format=custom", $"--file={dump}", f.File.Name);
            await f.SentAlert("traffic-safety"); // after the dump: not in the copy
            await Run("pg_restore", "--no-owner", $"--dbname={restored}", dump);
            await AssertReads(new StorageOptions
            {
                Provider = StorageOptions.Postgres,
                ConnectionString = TestPostgres.ConnectionTo(restored),
            }, sent.AlertId, 1);
        }
        finally
        {
            TestPostgres.DropDatabase(restored);
            File.Delete(dump);
        }
    }

    private static async Task AssertReads(StorageOptions restored, long alertId, int alerts)
    {
        Assert.Empty(restored.PendingMigrations());
        await using var db = new AnshinDbContext(restored.Build());
        Assert.Equal(alerts, await db.Alerts.CountAsync());
        Assert.Equal(5, await db.Accounts.CountAsync());
        var shown = await new PublicArchive(db, TestBook.Engine).PageAsync(new ArchiveFilter(Area: "長野市北部"));
        Assert.Equal([alertId], shown.Alerts.Select(a => a.Id));
    }

    /// <summary>A PostgreSQL client program against the test server (host, port and user of ANSHIN_TEST_POSTGRES).
    /// </summary>
    private static async Task Run(string program, params string[] args)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { $"--host={admin.Host}", $"--port={admin.Port}", $"--username={admin.Username}" }
            .Concat(args))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await error}");
    }
}
