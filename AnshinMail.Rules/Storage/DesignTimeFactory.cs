using Microsoft.EntityFrameworkCore.Design;

namespace AnshinMail.Rules.Storage;

/// <summary>For `dotnet ef migrations add`: a SQLite model, no application needed.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AnshinDbContext>
{
    public AnshinDbContext CreateDbContext(string[] args) => new(new StorageOptions().Build());
}
