using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class StaffNoticeConfiguration : IEntityTypeConfiguration<StaffNotice>
{
    public void Configure(EntityTypeBuilder<StaffNotice> b)
    {
        b.ToTable("staff_notices");
        b.HasKey(n => n.Id);
        b.HasIndex(n => n.DoneAt);
        b.Property(n => n.Kind).AsText();
        b.Property(n => n.DeliveredTo).AsJsonList();
        b.Property(n => n.LastError).HasMaxLength(500);
        b.Property(n => n.CreatedAt).AsUtc();
        b.Property(n => n.LastAttemptAt).AsUtc();
        b.Property(n => n.DoneAt).AsUtc();
    }
}
