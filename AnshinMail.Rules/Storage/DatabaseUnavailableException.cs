using Microsoft.Data.Sqlite;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// Y13: the database cannot be used (damaged, locked by another program, not openable). The message names the
/// file and what to do, in Japanese and English, so that a host can print it and stop without a stack trace.
/// </summary>
public sealed class DatabaseUnavailableException(string fileName, string message, Exception inner)
    : Exception(message, inner)
{
    /// <summary>The database file, as an absolute path.</summary>
    public string FileName { get; } = fileName;

    /// <summary>
    /// The SQLite error behind <paramref name="e"/>, explained; null when it is not a database problem.
    /// </summary>
    public static DatabaseUnavailableException? Explain(Exception e, string connectionString)
    {
        var sqlite = Inner(e);
        if (sqlite is null) return null;
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var (ja, en) = sqlite.SqliteErrorCode switch
        {
            11 or 26 => ("が壊れているか、SQLite のデータベースではありません。バックアップから戻すか、ファイルを別の場所へ移してから"
                + "起動し直してください（空のデータベースが新しく作られます）。",
                "is damaged or not a SQLite database. Restore it from a backup, or move it aside and start again"
                + " (a new, empty database is created)."),
            5 or 6 => ("は別のプログラムが使用中（ロック中）です。AnshinMail がすでに起動していないか確かめ、そのプログラムを終了してから"
                + "起動し直してください。",
                "is locked by another program. Check that AnshinMail is not already running, end that program"
                + " and start again."),
            _ => ("を開けません。フォルダがあるか、書き込みの権限と空き容量があるかを確かめてください。",
                "cannot be opened. Check that its folder exists and that it can be written (permissions, free space)."),
        };
        return new DatabaseUnavailableException(file,
            $"データベース {file} {ja}\nThe database {file} {en}\n(SQLite: {sqlite.Message})", e);
    }

    private static SqliteException? Inner(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SqliteException sqlite) return sqlite;
        return null;
    }
}
