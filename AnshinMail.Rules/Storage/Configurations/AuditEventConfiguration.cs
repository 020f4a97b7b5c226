using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.At).HasConversion(StorageConversions.Utc);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Actor, e.At });
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.UnitId).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Target).HasMaxLength(200);
        b.Property(e => e.Outcome).HasMaxLength(32);
        b.Property(e => e.Detail).HasMaxLength(2000);
    }
}
