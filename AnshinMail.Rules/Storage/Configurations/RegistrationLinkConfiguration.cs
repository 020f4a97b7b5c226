using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class RegistrationLinkConfiguration : IEntityTypeConfiguration<RegistrationLink>
{
    public void Configure(EntityTypeBuilder<RegistrationLink> b)
    {
        b.ToTable("registration_links");
        b.HasKey(l => l.Id);
        b.HasIndex(l => l.Nonce).IsUnique();
        b.HasIndex(l => l.Email);
        b.HasIndex(l => l.ExpiresAt);
        b.Property(l => l.Nonce).HasMaxLength(64);
        b.Property(l => l.Email).HasMaxLength(254);
        b.Property(l => l.ExpiresAt).AsUtc();
        b.Property(l => l.StationId).HasMaxLength(64);
    }
}
