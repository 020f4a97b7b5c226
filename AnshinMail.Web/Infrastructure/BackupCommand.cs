using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// Y13: `backup --to FILE` writes a consistent copy of the SQLite database while the app keeps running (SQLite's
/// online backup); restore by stopping the app and putting the copy in the file's place. On PostgreSQL it names
/// pg_dump instead. Exit code 0, or 1 with the reason in Japanese and English.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, StorageOptions storage, TextWriter output, TextWriter error)
    {
        var target = args is [_, "--to", var to] ? to : args is [_, var joined] && joined.StartsWith("--to=",
            StringComparison.Ordinal) ? joined["--to=".Length..] : null;
        if (string.IsNullOrWhiteSpace(target))
        {
            error.WriteLine("使い方: backup --to バックアップファイル / Usage: backup --to FILE");
            return 1;
        }
        try
        {
            var path = SqliteBackup.Write(storage, target);
            output.WriteLine($"バックアップを書き出しました: {path} / The backup was written: {path}");
            return 0;
        }
        catch (Exception e) when (e is NotSupportedException or IOException or UnauthorizedAccessException
            or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
