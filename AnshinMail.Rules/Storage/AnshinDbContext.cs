using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>All of AnshinMail's state. The provider is chosen by <see cref="StorageOptions"/>.</summary>
/// <remarks>Not sealed only for <see cref="PostgresAnshinDbContext"/>, which carries PostgreSQL's own migrations.
/// </remarks>
public class AnshinDbContext(DbContextOptions<AnshinDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<PersonAccount> Accounts => Set<PersonAccount>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<PostReport> PostReports => Set<PostReport>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<UnitRequest> Requests => Set<UnitRequest>();
    public DbSet<AbnormalityReport> AbnormalityReports => Set<AbnormalityReport>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<DeliveryBatch> DeliveryBatches => Set<DeliveryBatch>();
    public DbSet<DeliveryFailure> DeliveryFailures => Set<DeliveryFailure>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<HeldMessage> HeldMessages => Set<HeldMessage>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<RegistrationLink> RegistrationLinks => Set<RegistrationLink>();
    public DbSet<EmergencyJudgement> EmergencyJudgements => Set<EmergencyJudgement>();
    public DbSet<StaffNotice> StaffNotices => Set<StaffNotice>();
    /// <summary>Periodic jobs held by one node at a time.</summary>
    public DbSet<NodeLease> NodeLeases => Set<NodeLease>();
    /// <summary>Inbound mails already taken by a node.</summary>
    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();

    /// <summary>A host's data-protection keys (cookies, antiforgery): in the database, so every node of it accepts
    /// every other node's cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Every configuration of Storage/Configurations; on PostgreSQL also the instants below.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnshinDbContext).Assembly);
        JsonListFunctions.Register(modelBuilder, Database.IsSqlite());
        // A few instants were mapped without AsUtc and are text in existing SQLite files, which must keep reading
        // them. PostgreSQL starts clean: there every instant is UTC ticks (timestamptz would refuse a +09:00 value).
        if (!Database.IsSqlite()) StoreRemainingInstantsAsUtcTicks(modelBuilder);
    }

    private static void StoreRemainingInstantsAsUtcTicks(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.GetValueConverter() is not null) continue;
            if (property.ClrType == typeof(DateTimeOffset)) property.SetValueConverter(StorageConversions.Utc);
            else if (property.ClrType == typeof(DateTimeOffset?))
                property.SetValueConverter(StorageConversions.NullableUtc);
        }
    }
}
