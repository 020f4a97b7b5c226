using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> b)
    {
        b.ToTable("inbound_messages");
        b.HasKey(m => m.Key);
        b.Property(m => m.Key).HasMaxLength(300);
        b.Property(m => m.Node).HasMaxLength(200);
        b.Property(m => m.ReceivedAt).AsUtc();
        b.HasIndex(m => m.ReceivedAt);
    }
}
