using Microsoft.EntityFrameworkCore.Design;

namespace AnshinMail.Rules.Storage;

/// <summary>For `dotnet ef migrations add`: a SQLite model, no application needed.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AnshinDbContext>
{
    public AnshinDbContext CreateDbContext(string[] args) => new(new StorageOptions().Build());
}

/// <summary>
/// For `dotnet ef migrations add X --context PostgresAnshinDbContext --output-dir Storage/Migrations/Postgres`:
/// a PostgreSQL model; no server is needed to add a migration or to check for pending model changes.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAnshinDbContext>
{
    public PostgresAnshinDbContext CreateDbContext(string[] args) => new(new StorageOptions
    {
        Provider = StorageOptions.Postgres,
        ConnectionString = "Host=localhost;Database=anshinmail",
    }.Build());
}
