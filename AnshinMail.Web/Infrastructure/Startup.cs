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
}
