using AnshinMail.Rules.Storage;
using Microsoft.Data.Sqlite;

namespace AnshinMail.Rules.Tests;

/// <summary>A real SQLite database file, migrated to the current model, deleted afterwards.</summary>
public sealed class SqliteFile : IDisposable
{
    public SqliteFile()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"anshin-{Guid.NewGuid():N}.db");
        Options = new StorageOptions { ConnectionString = $"Data Source={Path}" };
        Options.Migrate();
    }

    public string Path { get; }
    public StorageOptions Options { get; }

    public AnshinDbContext Open() => new(Options.Build());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}
