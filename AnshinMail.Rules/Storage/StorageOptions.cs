using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// Which database to use: SQLite (the zero-configuration default, one file on one machine) or PostgreSQL (several
/// nodes on one server). The model uses nothing provider-only; each provider has its own committed migrations.
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The provider name of SQLite (the default).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The provider name of PostgreSQL (Npgsql).</summary>
    public const string Postgres = "postgres";

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/> (setting AnshinMail:Database:Provider).</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>The ADO.NET connection string of the chosen provider.</summary>
    public string ConnectionString { get; init; } = "Data Source=anshinmail.db";

    /// <summary>True when the provider is PostgreSQL.</summary>
    public bool IsPostgres => ProviderKey == Postgres;

    private string ProviderKey => Provider.Trim().ToLowerInvariant() switch
    {
        Sqlite => Sqlite,
        Postgres or "postgresql" or "npgsql" => Postgres,
        _ => throw new NotSupportedException(
            $"データベース '{Provider}' には対応していません（対応: {Sqlite}, {Postgres}）。"
            + $" / The database provider '{Provider}' is not supported ({Sqlite}, {Postgres})."),
    };

    /// <summary>The options of a context on this database.</summary>
    public DbContextOptions<AnshinDbContext> Build()
    {
        var builder = new DbContextOptionsBuilder<AnshinDbContext>();
        Configure(builder);
        return builder.Options;
    }

    /// <summary>Points <paramref name="builder"/> at this database (AddDbContext, <see cref="Build"/>).</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) =>
        ProviderKey == Postgres ? builder.UseNpgsql(ConnectionString) : builder.UseSqlite(ConnectionString);

    /// <summary>A context that applies this provider's own migrations (PostgreSQL's carry their own context type).
    /// </summary>
    public AnshinDbContext OpenForMigrations() =>
        IsPostgres ? new PostgresAnshinDbContext(Build()) : new AnshinDbContext(Build());

    /// <summary>
    /// Creates or migrates the database to the current model. A database that cannot be used (damaged, locked,
    /// not openable, server unreachable) throws <see cref="DatabaseUnavailableException"/>, naming it and what to do.
    /// </summary>
    public void Migrate()
    {
        try
        {
            using var db = OpenForMigrations();
            db.Database.Migrate();
            // SQLite: write-ahead logging lets the delivery worker and the pages read while one of them writes.
            if (db.Database.IsSqlite()) db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        catch (Exception e) when (DatabaseUnavailableException.Explain(e, this) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>The migrations this database still lacks (empty when it is up to date).</summary>
    public IReadOnlyList<string> PendingMigrations()
    {
        try
        {
            using var db = OpenForMigrations();
            return db.Database.GetPendingMigrations().ToList();
        }
        catch (Exception e) when (DatabaseUnavailableException.Explain(e, this) is { } explained)
        {
            throw explained;
        }
    }
}
