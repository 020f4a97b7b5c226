using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>All of AnshinMail's state. The provider is chosen by <see cref="StorageOptions"/>.</summary>
/// <remarks>Not sealed only for <see cref="PostgresAnshinDbContext"/>, which carries PostgreSQL's own migrations.
/// </remarks>
public class AnshinDbContext(DbContextOptions<AnshinDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Y6: staff accounts issued by the security manager.</summary>
    public DbSet<PersonAccount> Accounts => Set<PersonAccount>();
    /// <summary>Y7.2, Y12: the audit log.</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    /// <summary>Y10: the distribution ledger (配信簿).</summary>
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    /// <summary>Drafts (配信文（案）) in every state.</summary>
    public DbSet<Draft> Drafts => Set<Draft>();
    /// <summary>Every saved version of every draft.</summary>
    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();
    /// <summary>Y9.2: approvals of draft versions.</summary>
    public DbSet<Approval> Approvals => Set<Approval>();
    /// <summary>Y9.2: after-the-fact reports owed to distributors.</summary>
    public DbSet<PostReport> PostReports => Set<PostReport>();
    /// <summary>Released alerts and follow-ups, with delivery progress.</summary>
    public DbSet<Alert> Alerts => Set<Alert>();
    /// <summary>T3(2), T4(2), Y11.1, Y11.4: requests and consultations between units.</summary>
    public DbSet<UnitRequest> Requests => Set<UnitRequest>();
    /// <summary>Y12: abnormalities reported to the security manager.</summary>
    public DbSet<AbnormalityReport> AbnormalityReports => Set<AbnormalityReport>();
    /// <summary>T5: residents' and organisations' subscriptions.</summary>
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    /// <summary>The fan-out batches of alerts being delivered.</summary>
    public DbSet<DeliveryBatch> DeliveryBatches => Set<DeliveryBatch>();
    /// <summary>Messages the relay refused for good or kept deferring.</summary>
    public DbSet<DeliveryFailure> DeliveryFailures => Set<DeliveryFailure>();
    /// <summary>Values the installation keeps for itself (e.g. the link-signing key).</summary>
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    /// <summary>T5: messages held for subscribers' quiet hours.</summary>
    public DbSet<HeldMessage> HeldMessages => Set<HeldMessage>();
    /// <summary>T5(2): organisations' webhook endpoints (二次配信).</summary>
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    /// <summary>T5(2): each alert's delivery to each webhook, with retries.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    /// <summary>T5: start links mailed in reply to empty mails, not used yet.</summary>
    public DbSet<RegistrationLink> RegistrationLinks => Set<RegistrationLink>();
    /// <summary>Y9.4: emergency judgements behind sends outside sending hours.</summary>
    public DbSet<EmergencyJudgement> EmergencyJudgements => Set<EmergencyJudgement>();
    /// <summary>The outbox of notices to staff.</summary>
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
