using System.Diagnostics;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Tests;

/// <summary>
/// Y13: `migrate` brings a database to the current model and exits, for installations that forbid schema changes
/// at start; with AnshinMail:Database:MigrateAtStart=false the app refuses an outdated database and says how to
/// fix it. Run as the built app, on the run's provider (a SQLite file, or PostgreSQL in a PostgreSQL run).
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TestDatabase _db = new(migrated: false);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Y13_Migrate_AppliesEveryMigrationOnce_ThenSaysUpToDate()
    {
        var first = await App(_db.Options, "migrate");
        Assert.True(first.Code == 0, first.Error + first.Output);
        Assert.Contains("データベースを更新しました", first.Output);
        using (var db = _db.Options.OpenForMigrations())
            Assert.Contains(db.Database.GetMigrations().Last(), first.Output);
        Assert.Empty(_db.Options.PendingMigrations());
        var second = await App(_db.Options, "migrate");
        Assert.Equal(0, second.Code);
        Assert.Contains("データベースは最新です", second.Output);
    }

    [Fact]
    public async Task Y13_MigrateAtStartOff_OutdatedDatabase_Exit1_NamesTheMigrateCommand_SchemaUntouched()
    {
        var run = await App(_db.Options, "--AnshinMail:Database:MigrateAtStart=false", "--urls=http://127.0.0.1:0");
        Assert.True(run.Code == 1, run.Error + run.Output);
        Assert.Contains("最新ではありません", run.Error);
        Assert.Contains("`migrate`", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.NotEmpty(_db.Options.PendingMigrations());
    }

    [Fact]
    public async Task Y13_PostgresUnreachable_Exit1_NamesTheServerAndWhatToDo_InJapaneseAndEnglish()
    {
        var nowhere = new StorageOptions
        {
            Provider = StorageOptions.Postgres,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=anshin;Username=anshin;Timeout=5",
        };
        var run = await App(nowhere, "migrate");
        Assert.True(run.Code == 1, run.Error + run.Output);
        Assert.Contains("127.0.0.1:1/anshin", run.Error);
        Assert.Contains("接続できません", run.Error);
        Assert.Contains("cannot be reached", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    private static async Task<(int Code, string Output, string Error)> App(StorageOptions storage, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args.Prepend(Path.Combine(AppContext.BaseDirectory, "AnshinMail.Web.dll")))
            start.ArgumentList.Add(a);
        start.Environment["AnshinMail__Database__Provider"] = storage.Provider;
        start.Environment["AnshinMail__Database__ConnectionString"] = storage.ConnectionString;
        start.Environment["AnshinMail__PolicyBook"] = Path.Combine(Repository.Root, "rules", "nagano.json");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
