using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class DeliveryFailureConfiguration : IEntityTypeConfiguration<DeliveryFailure>
{
    public void Configure(EntityTypeBuilder<DeliveryFailure> b)
    {
        b.ToTable("delivery_failures");
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.AlertId);
        b.HasIndex(f => f.SubscriberId);
        b.Property(f => f.Email).HasMaxLength(254);
        b.Property(f => f.Reply).HasMaxLength(1000);
        b.Property(f => f.At).AsUtc();
    }
}
