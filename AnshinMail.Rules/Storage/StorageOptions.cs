using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>Which database to use. SQLite by default; the model uses nothing SQLite-only.</summary>
public sealed record StorageOptions
{
    /// <summary>The database provider; only <c>sqlite</c> is supported.</summary>
    public string Provider { get; init; } = "sqlite";
    /// <summary>The provider's connection string (for SQLite, <c>Data Source=</c> the file).</summary>
    public string ConnectionString { get; init; } = "Data Source=anshinmail.db";

    /// <summary>Options for a new <see cref="AnshinDbContext"/> outside dependency injection (workers,
    /// tools).</summary>
    public DbContextOptions<AnshinDbContext> Build()
    {
        var builder = new DbContextOptionsBuilder<AnshinDbContext>();
        Configure(builder);
        return builder.Options;
    }

    /// <summary>Configures <paramref name="builder"/> for the provider; an unknown provider throws <see
    /// cref="NotSupportedException"/>.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) =>
        Provider.ToLowerInvariant() switch
        {
            "sqlite" => builder.UseSqlite(ConnectionString),
            _ => throw new NotSupportedException($"データベース '{Provider}' には対応していません（対応: sqlite）。"),
        };

    /// <summary>
    /// Creates or migrates the database to the current model. A database that cannot be used (damaged, locked,
    /// not openable) throws <see cref="DatabaseUnavailableException"/>, naming the file and what to do.
    /// </summary>
    public void Migrate()
    {
        try
        {
            using var db = new AnshinDbContext(Build());
            db.Database.Migrate();
            // SQLite: write-ahead logging lets the delivery worker and the pages read while one of them writes.
            if (db.Database.IsSqlite()) db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        catch (Exception e) when (DatabaseUnavailableException.Explain(e, ConnectionString) is { } explained)
        {
            throw explained;
        }
    }
}
