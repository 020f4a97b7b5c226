using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>All of AnshinMail's state. The provider is chosen by <see cref="StorageOptions"/>.</summary>
public sealed class AnshinDbContext(DbContextOptions<AnshinDbContext> options) : DbContext(options)
{
    public DbSet<PersonAccount> Accounts => Set<PersonAccount>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnshinDbContext).Assembly);
}
