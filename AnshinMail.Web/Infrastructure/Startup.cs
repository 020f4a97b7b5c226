using AnshinMail.Rules.Drill;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// What the app checks before it listens; a failure is told plainly on stderr and ends the process (exit code 1).
/// </summary>
public static class Startup
{
    /// <summary>
    /// Y13: migrates the database; a damaged or locked one is named, with what to do, instead of a stack trace.
    /// </summary>
    public static bool TryMigrate(StorageOptions storage, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            storage.Migrate();
            return true;
        }
        catch (DatabaseUnavailableException e)
        {
            error.WriteLine(e.Message);
            return false;
        }
    }

    /// <summary>
    /// With AnshinMail:Database:MigrateAtStart=false the app changes no schema: it starts only on a database that
    /// the `migrate` command has brought up to date, and otherwise names what is missing and how to apply it.
    /// </summary>
    public static bool IsUpToDate(StorageOptions storage, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            var pending = storage.PendingMigrations();
            if (pending.Count == 0) return true;
            error.WriteLine($"データベースが最新ではありません（未適用 {pending.Count} 件: {string.Join(", ", pending)}）。"
                + $"アプリの設定のまま `{MigrateCommand.Name}` を実行してから起動してください。\n"
                + $"The database is not up to date ({pending.Count} pending: {string.Join(", ", pending)})."
                + $" Run `{MigrateCommand.Name}` with the app's settings, then start again.");
            return false;
        }
        catch (DatabaseUnavailableException e)
        {
            error.WriteLine(e.Message);
            return false;
        }
    }

    /// <summary>訓練: the drill's settings (<c>AnshinMail:Drill:Start</c>, <c>AnshinMail:Drill:AllowedRecipients</c>,
    /// a list or one comma-separated value); malformed ones are told in Japanese and English and give null.</summary>
    public static DrillMode? TryReadDrill(IConfiguration config, TextWriter? error = null)
    {
        var section = config.GetSection("AnshinMail:Drill:AllowedRecipients");
        var allowed = section.GetChildren().Select(c => c.Value).Append(section.Value);
        try
        {
            return DrillMode.Parse(config["AnshinMail:Drill:Start"], allowed);
        }
        catch (DrillConfigurationException e)
        {
            (error ?? Console.Error).WriteLine($"""
                訓練モードを開始できません: {e.Message}
                The drill cannot start: its settings (AnshinMail:Drill:*) are malformed.
                """);
            return null;
        }
    }

    /// <summary>
    /// 訓練: a drill runs on a database of its own: one with real alerts is refused, so that a drill neither files its
    /// practice in the real ledger (Y10) nor is listed beside real alerts.
    /// </summary>
    public static bool TryCheckDrillDatabase(DrillMode drill, StorageOptions storage, TextWriter? error = null)
    {
        if (!drill.Active) return true;
        using var db = new AnshinDbContext(storage.Build());
        if (!db.Alerts.Any(a => !a.Drill)) return true;
        (error ?? Console.Error).WriteLine($"""
            訓練モードを開始できません: データベース（{storage.ConnectionString}）に本番の配信があります。
            訓練には専用のデータベースを指定してください（例: --AnshinMail:Database:ConnectionString="Data Source=drill.db"）。
            The drill cannot start: the database holds real alerts; give the drill a database of its own.
            """);
        return false;
    }
}
