using AnshinMail.Rules.Storage;
using Npgsql;

namespace AnshinMail.Benchmarks;

/// <summary>A fresh database on the server of an admin connection string, migrated, dropped afterwards.</summary>
internal sealed class PostgresDatabase : IDisposable
{
    private readonly string _admin;

    public PostgresDatabase(string admin)
    {
        _admin = admin;
        Name = $"anshin_bench_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE {Name}");
        Storage = new StorageOptions
        {
            Provider = StorageOptions.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = Name, MaxPoolSize = 200 }.ConnectionString,
        };
        Storage.Migrate();
    }

    public string Name { get; }

    public StorageOptions Storage { get; }

    public void Analyze()
    {
        using var connection = new NpgsqlConnection(Storage.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("VACUUM ANALYZE", connection);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
