using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class DeliveryBatchConfiguration : IEntityTypeConfiguration<DeliveryBatch>
{
    public void Configure(EntityTypeBuilder<DeliveryBatch> b)
    {
        b.ToTable("delivery_batches");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.AlertId, d.Done });
        b.HasOne<Alert>().WithMany().HasForeignKey(d => d.AlertId);
        b.Property(d => d.DoneAt).AsUtc();
        b.Property(d => d.LeaseOwner).HasMaxLength(200);
        b.Property(d => d.LeaseUntil).AsUtc();
    }
}
