using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>All of AnshinMail's state. The provider is chosen by <see cref="StorageOptions"/>.</summary>
public sealed class AnshinDbContext(DbContextOptions<AnshinDbContext> options) : DbContext(options)
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnshinDbContext).Assembly);
}
