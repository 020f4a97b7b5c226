using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>Which database to use. SQLite by default; the model uses nothing SQLite-only.</summary>
public sealed record StorageOptions
{
    public string Provider { get; init; } = "sqlite";
    public string ConnectionString { get; init; } = "Data Source=anshinmail.db";

    public DbContextOptions<AnshinDbContext> Build()
    {
        var builder = new DbContextOptionsBuilder<AnshinDbContext>();
        Configure(builder);
        return builder.Options;
    }

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
