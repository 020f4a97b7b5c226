using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// Y13: `migrate` brings the database to the current model and exits, for installations that forbid schema
/// changes at start (AnshinMail:Database:MigrateAtStart=false): an operator runs it with the app's settings
/// before starting the new version on each node. Exit code 0, or 1 with the reason in Japanese and English.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(StorageOptions storage, TextWriter output, TextWriter error)
    {
        try
        {
            var pending = storage.PendingMigrations();
            storage.Migrate();
            output.WriteLine(pending.Count == 0
                ? "データベースは最新です。変更はありません。 / The database is up to date; nothing was changed."
                : $"データベースを更新しました（{pending.Count} 件）。 / The database was migrated ({pending.Count}):");
            foreach (var migration in pending) output.WriteLine($"  {migration}");
            return 0;
        }
        catch (DatabaseUnavailableException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
