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
        b.Property(s => s.QuietFrom).HasConversion(t => t.HasValue ? t.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
            t => t == null ? null : TimeOnly.ParseExact(t, "HH:mm", System.Globalization.CultureInfo.InvariantCulture)).HasMaxLength(5);
        b.Property(s => s.QuietTo).HasConversion(t => t.HasValue ? t.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
            t => t == null ? null : TimeOnly.ParseExact(t, "HH:mm", System.Globalization.CultureInfo.InvariantCulture)).HasMaxLength(5);
        b.Property(s => s.Categories).AsJsonList(1000);
        b.Property(s => s.Areas).AsJsonList();
        b.Property(s => s.CreatedAt).AsUtc();
        b.Property(s => s.ConfirmedAt).AsUtc();
        b.Property(s => s.ConfirmationNonce).HasMaxLength(64);
        b.Property(s => s.ConfirmationExpiresAt).AsUtc();
        b.Property(s => s.LastMailAt).AsUtc();
    }
}

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

internal sealed class DeliveryBatchConfiguration : IEntityTypeConfiguration<DeliveryBatch>
{
    public void Configure(EntityTypeBuilder<DeliveryBatch> b)
    {
        b.ToTable("delivery_batches");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.AlertId, d.Done });
        b.HasOne<Alert>().WithMany().HasForeignKey(d => d.AlertId);
        b.Property(d => d.DoneAt).AsUtc();
    }
}

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

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.ToTable("app_settings");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Value).HasMaxLength(1000);
    }
}
