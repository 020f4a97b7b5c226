using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests;
using AnshinMail.Web.Infrastructure;

namespace AnshinMail.Web.Tests;

/// <summary>
/// Y13: `backup --to FILE` copies the SQLite database (online backup; restoring the copy is tried in the library's
/// BackupRestoreTests); bad arguments, an existing file and PostgreSQL (pg_dump instead) are refused with exit
/// code 1 and the reason in Japanese and English.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TestDatabase _db = new(StorageOptions.Sqlite);
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"anshin-copy-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        _db.Dispose();
        File.Delete(_copy);
    }

    private static (int Code, string Output, string Error) Run(StorageOptions storage, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = BackupCommand.Run(["backup", .. args], storage, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Y13_Backup_WritesACopy_ThenRefusesToOverwriteIt()
    {
        var run = Run(_db.Options, "--to", _copy);
        Assert.True(run.Code == 0, run.Error);
        Assert.Contains(_copy, run.Output);
        Assert.Empty(new StorageOptions { ConnectionString = $"Data Source={_copy};Pooling=False" }.PendingMigrations());
        var again = Run(_db.Options, $"--to={_copy}");
        Assert.Equal(1, again.Code);
        Assert.Contains("すでにあります", again.Error);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public void Y13_Backup_WithoutTarget_OrOnPostgres_Exit1_SaysWhatToDo()
    {
        var bare = Run(_db.Options);
        Assert.Equal(1, bare.Code);
        Assert.Contains("使い方", bare.Error);
        var postgres = Run(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = "Host=x" },
            "--to", _copy);
        Assert.Equal(1, postgres.Code);
        Assert.Contains("pg_dump", postgres.Error);
        Assert.False(File.Exists(_copy));
    }
}
