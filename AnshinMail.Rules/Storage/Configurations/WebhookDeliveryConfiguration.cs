using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.WebhookId, d.AlertId }).IsUnique();
        b.Property(d => d.Status).AsText();
        b.Property(d => d.LastError).HasMaxLength(1000);
        b.Property(d => d.NextAttemptAt).AsUtc();
        b.Property(d => d.DeliveredAt).AsUtc();
    }
}
