using AnshinMail.Rules.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AnshinMail.Rules.Tests;

/// <summary>
/// A real database for one test, migrated to the current model and deleted afterwards: a SQLite file, or, when
/// the run's provider is PostgreSQL (<see cref="TestPostgres.RunProvider"/>), a fresh database `anshin_test_…`
/// on the server of ANSHIN_TEST_POSTGRES. Tests that must stay on one provider name it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <param name="provider">Null for the run's provider.</param>
    /// <param name="migrated">False: an empty database (no SQLite file yet) that the app under test migrates.</param>
    public TestDatabase(string? provider = null, bool migrated = true)
    {
        Provider = provider ?? TestPostgres.RunProvider;
        if (Provider == StorageOptions.Postgres)
        {
            Name = migrated ? TestPostgres.CreateMigratedDatabase() : TestPostgres.CreateEmptyDatabase();
            Options = new StorageOptions { Provider = Provider, ConnectionString = TestPostgres.ConnectionTo(Name) };
            return;
        }
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"anshin-{Guid.NewGuid():N}.db");
        Name = Path;
        Options = new StorageOptions { ConnectionString = $"Data Source={Path}" };
        if (migrated) Options.Migrate();
    }

    /// <summary><see cref="StorageOptions.Sqlite"/> or <see cref="StorageOptions.Postgres"/>.</summary>
    public string Provider { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? Path { get; }

    /// <summary>The SQLite file or the PostgreSQL database's name.</summary>
    public string Name { get; }

    public StorageOptions Options { get; }

    public AnshinDbContext Open() => new(Options.Build());

    public void Dispose()
    {
        if (Provider == StorageOptions.Postgres)
        {
            TestPostgres.DropDatabase(Name);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}

/// <summary>
/// The PostgreSQL server of the tests: ANSHIN_TEST_POSTGRES holds an admin connection string
/// (e.g. `Host=/tmp/anshin-pg;Port=55432;Username=postgres`, see `.ci/postgres`); ANSHIN_TEST_PROVIDER=postgres
/// runs every storage test on it; ANSHIN_REQUIRE_POSTGRES=1 (CI) makes a missing server a failure, not a skip.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Template = new(CreateTemplate);

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable("ANSHIN_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static bool Required => Environment.GetEnvironmentVariable("ANSHIN_REQUIRE_POSTGRES") == "1";

    /// <summary>The provider of the storage tests in this run: ANSHIN_TEST_PROVIDER, SQLite when unset.</summary>
    public static string RunProvider =>
        Environment.GetEnvironmentVariable("ANSHIN_TEST_PROVIDER")?.Trim().ToLowerInvariant() switch
        {
            null or "" or StorageOptions.Sqlite => StorageOptions.Sqlite,
            StorageOptions.Postgres => StorageOptions.Postgres,
            var other => throw new InvalidOperationException($"ANSHIN_TEST_PROVIDER={other}: sqlite or postgres"),
        };

    /// <summary>Null when a server is configured; else why a PostgreSQL-only test is skipped. Under
    /// ANSHIN_REQUIRE_POSTGRES=1 a missing server throws: the test fails instead.</summary>
    public static string? SkipReason()
    {
        if (AdminConnectionString is not null) return null;
        const string Reason = "ANSHIN_TEST_POSTGRES is not set (an admin connection string; see docs/testing.md)";
        return Required ? throw new InvalidOperationException(Reason + ", and ANSHIN_REQUIRE_POSTGRES=1") : Reason;
    }

    public static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(Admin()) { Database = database }.ConnectionString;

    /// <summary>A new, empty database (the app or the test migrates it).</summary>
    public static string CreateEmptyDatabase() => Create(template: "template0");

    /// <summary>A new database at the current model: a copy of one migrated template per test run.</summary>
    public static string CreateMigratedDatabase() => Create(Template.Value);

    /// <summary>Drops the database, ending the sessions still on it (a web host's workers, a pool).</summary>
    public static void DropDatabase(string name)
    {
        using (var pooled = new NpgsqlConnection(ConnectionTo(name))) NpgsqlConnection.ClearPool(pooled);
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string Admin() => AdminConnectionString ?? throw new InvalidOperationException(
        "ANSHIN_TEST_PROVIDER=postgres needs ANSHIN_TEST_POSTGRES (an admin connection string; docs/testing.md)");

    private static string Create(string template)
    {
        var name = $"anshin_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" ENCODING 'UTF8'");
        return name;
    }

    private static string CreateTemplate()
    {
        var name = Create("template0");
        new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = ConnectionTo(name) }.Migrate();
        using (var pooled = new NpgsqlConnection(ConnectionTo(name))) NpgsqlConnection.ClearPool(pooled);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabase(name);
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin())
        {
            Database = "postgres",
            Pooling = false,
        }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
