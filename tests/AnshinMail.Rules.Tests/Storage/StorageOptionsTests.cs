using AnshinMail.Rules.Storage;
using Microsoft.Data.Sqlite;

namespace AnshinMail.Rules.Tests.Storage;

/// <summary>
/// Y13: a database that cannot be used at start is reported with its file and what to do, in Japanese and English.
/// </summary>
public sealed class StorageOptionsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"anshin-bad-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(_path + suffix);
    }

    private static StorageOptions Options(string dataSource) =>
        new() { ConnectionString = $"Data Source={dataSource}" };

    [Fact]
    public void Y13_ADamagedFile_IsNamed_WithWhatToDo()
    {
        File.WriteAllBytes(_path, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
        var e = Assert.Throws<DatabaseUnavailableException>(Options(_path).Migrate);
        Assert.Equal(_path, e.FileName);
        Assert.Contains(_path, e.Message);
        Assert.Contains("壊れて", e.Message);
        Assert.Contains("damaged", e.Message);
        Assert.Contains("backup", e.Message);
    }

    [Fact]
    public void Y13_AFileLockedByAnotherProgram_IsNamed_WithWhatToDo()
    {
        Options(_path).Migrate();
        SqliteConnection.ClearAllPools();
        using (var other = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            other.Open();
            using (var exclusive = other.CreateCommand())
            {
                exclusive.CommandText = "BEGIN EXCLUSIVE;";
                exclusive.ExecuteNonQuery();
            }
            var options = Options($"{_path};Default Timeout=1;Pooling=False");
            var e = Assert.Throws<DatabaseUnavailableException>(options.Migrate);
            Assert.Equal(_path, e.FileName);
            Assert.Contains("使用中", e.Message);
            Assert.Contains("locked", e.Message);
        }
    }

    [Fact]
    public void Y13_AFolderThatDoesNotExist_IsNamed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "anshin.db");
        var e = Assert.Throws<DatabaseUnavailableException>(Options(path).Migrate);
        Assert.Equal(path, e.FileName);
        Assert.Contains("開けません", e.Message);
    }
}
