using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.ToTable("subscribers");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.Email).IsUnique();
        b.HasIndex(s => s.Token).IsUnique();
        b.Property(s => s.Email).HasMaxLength(254);
        b.Property(s => s.Token).HasMaxLength(64);
        b.Property(s => s.Organisation).HasMaxLength(200);
        b.Property(s => s.OrganisationContact).HasMaxLength(200);
        b.Property(s => s.QuietFrom).HasConversion(
            t => t.HasValue ? t.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
            t => t == null ? null : TimeOnly.ParseExact(t, "HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .HasMaxLength(5);
        b.Property(s => s.QuietTo).HasConversion(
            t => t.HasValue ? t.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
            t => t == null ? null : TimeOnly.ParseExact(t, "HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .HasMaxLength(5);
        b.Property(s => s.Categories).AsJsonList(1000);
        b.Property(s => s.Areas).AsJsonList();
        b.Property(s => s.CreatedAt).AsUtc();
        b.Property(s => s.ConfirmedAt).AsUtc();
        b.Property(s => s.ConfirmationNonce).HasMaxLength(64);
        b.Property(s => s.ConfirmationExpiresAt).AsUtc();
        b.Property(s => s.LastMailAt).AsUtc();
        b.Property(s => s.PendingEmail).HasMaxLength(254);
        b.Property(s => s.EmailChangeNonce).HasMaxLength(64);
        b.Property(s => s.EmailChangeExpiresAt).AsUtc();
    }
}

