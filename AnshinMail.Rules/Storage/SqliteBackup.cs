using Microsoft.Data.Sqlite;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// Y13, small installations: a consistent copy of the live SQLite file while the app runs (SQLite's online backup
/// API: pages are copied under a read transaction, writers wait only for each step). The copy is itself a SQLite
/// database: to restore, stop the app and put the copy in the place of the file. PostgreSQL is backed up with
/// pg_dump instead (docs/operations.md).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Writes a copy of <paramref name="storage"/>'s SQLite database to <paramref name="target"/> (a new
    /// file; an existing one is refused) and returns its full path.</summary>
    public static string Write(StorageOptions storage, string target)
    {
        if (storage.IsPostgres)
            throw new NotSupportedException("PostgreSQL のバックアップには pg_dump を使ってください（docs/operations.md）。"
                + " / Back up PostgreSQL with pg_dump (docs/operations.md).");
        var path = Path.GetFullPath(target);
        if (File.Exists(path))
            throw new IOException($"バックアップ先 {path} はすでにあります。別の名前を指定してください。"
                + $" / The backup file {path} already exists; choose another name.");
        using var source = new SqliteConnection(storage.ConnectionString);
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
        }.ConnectionString);
        source.Open();
        source.BackupDatabase(copy);
        return path;
    }
}
