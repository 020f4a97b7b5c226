using System.Diagnostics;
using AnshinMail.Rules.Drill;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Tests;

/// <summary>
/// 訓練, Y13: a drill whose settings are malformed does not start: the built app exits 1 with a Japanese message and
/// no stack trace, like a damaged database; and a drill refuses a database that holds real alerts.
/// </summary>
public sealed class DrillAtStartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anshin-drill-start-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("--AnshinMail:Drill:Start=2026-11-28T23:30", "時差付きの日時")]
    [InlineData("--AnshinMail:Drill:AllowedRecipients=example.jp", "AnshinMail:Drill:Start")]
    public async Task Y13_AMalformedDrill_Exit1_SaysWhatToWrite_InJapanese(string setting, string expected)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "AnshinMail.Web.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                app, setting, $"--AnshinMail:Database:ConnectionString=Data Source={Path.Combine(_dir, "d.db")}",
                "--urls=http://127.0.0.1:0",
            },
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var error = await stderr;
        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}; stderr: {error}; stdout: {await stdout}");
        Assert.Contains("訓練モードを開始できません", error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(_dir, "d.db")), "nothing is created before the settings are read");
    }

    [Fact]
    public void Y10_ADrillRefusesADatabaseWithRealAlerts_AndTakesOneWithDrillAlertsOnly()
    {
        var storage = new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_dir, "real.db")}" };
        storage.Migrate();
        var drill = DrillMode.Parse("2026-11-28T23:30+09:00", []);
        Assert.True(Startup.TryCheckDrillDatabase(drill, storage, TextWriter.Null));
        using (var db = new AnshinDbContext(storage.Build()))
        {
            // A real alert as an earlier run left it (no draft needed for what the check reads).
            db.Database.ExecuteSqlRaw("""
                PRAGMA foreign_keys = OFF;
                INSERT INTO alerts (DraftId, CategoryId, UnitId, Areas, Subject, Body, Status, Emergency,
                    EmergencyConditions, SentBy, ResolutionOwed, BatchesPlanned, Recipients, Delivered, Failed, Held,
                    Drill, Withheld)
                VALUES (1, 'notice', 'x', '[]', 's', 'b', 2, 0, '[]', 'u', 0, 1, 0, 0, 0, 0, 0, 0)
                """);
        }
        var error = new StringWriter();
        Assert.False(Startup.TryCheckDrillDatabase(drill, storage, error));
        Assert.Contains("本番の配信があります", error.ToString());
        Assert.True(Startup.TryCheckDrillDatabase(DrillMode.Off, storage, TextWriter.Null));
    }
}
