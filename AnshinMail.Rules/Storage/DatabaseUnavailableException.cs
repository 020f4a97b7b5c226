using Microsoft.Data.Sqlite;
using Npgsql;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// Y13: the database cannot be used (damaged, locked by another program, not openable, server unreachable). The
/// message names the database and what to do, in Japanese and English, so that a host can print it and stop
/// without a stack trace.
/// </summary>
public sealed class DatabaseUnavailableException(string fileName, string message, Exception inner)
    : Exception(message, inner)
{
    /// <summary>The SQLite file, or for PostgreSQL "host:port/database".</summary>
    public string FileName { get; } = fileName;

    /// <summary>
    /// The database error behind <paramref name="e"/>, explained; null when it is not a database problem.
    /// </summary>
    public static DatabaseUnavailableException? Explain(Exception e, StorageOptions storage) =>
        storage.IsPostgres ? ExplainPostgres(e, storage.ConnectionString) : ExplainSqlite(e, storage.ConnectionString);

    private static DatabaseUnavailableException? ExplainSqlite(Exception e, string connectionString)
    {
        var sqlite = Inner<SqliteException>(e);
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

    private static DatabaseUnavailableException? ExplainPostgres(Exception e, string connectionString)
    {
        var npgsql = Inner<NpgsqlException>(e);
        if (npgsql is null) return null;
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var name = $"{cs.Host}:{cs.Port}/{cs.Database}";
        var (ja, en) = (npgsql as PostgresException)?.SqlState switch
        {
            "28P01" or "28000" => ("に接続できません（ユーザ名またはパスワードが違います）。接続文字列の Username と Password を確かめて"
                + "ください。", "refused the user name or password. Check Username and Password in the connection string."),
            "3D000" or "42501" => ("がないか、作成・変更する権限がありません。データベース管理者に作成と権限の付与を依頼してください。",
                "does not exist, or the user may not create or change it. Ask the database administrator."),
            "25006" or "57P03" => ("は読み取り専用（待機系）か起動中です。接続先が主系（プライマリ）か確かめてください。",
                "is read-only (a standby) or starting up. Check that the connection goes to the primary."),
            _ => ("に接続できません。PostgreSQL が起動しているか、Host と Port、ネットワークを確かめてください。",
                "cannot be reached. Check that PostgreSQL is running, and Host, Port and the network."),
        };
        return new DatabaseUnavailableException(name,
            $"データベース {name} {ja}\nThe database {name} {en}\n(PostgreSQL: {npgsql.Message})", e);
    }

    private static T? Inner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
