using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class HeldMessageConfiguration : IEntityTypeConfiguration<HeldMessage>
{
    public void Configure(EntityTypeBuilder<HeldMessage> b)
    {
        b.ToTable("held_messages");
        b.HasKey(h => h.Id);
        b.HasIndex(h => h.ReleaseAt);
        b.HasIndex(h => new { h.AlertId, h.SubscriberId }).IsUnique();
        b.Property(h => h.ReleaseAt).AsUtc();
    }
}
