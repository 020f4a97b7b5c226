using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> b)
    {
        b.ToTable("webhooks");
        b.HasKey(w => w.Id);
        b.HasIndex(w => w.SubscriberId);
        b.Property(w => w.Url).HasMaxLength(500);
        b.Property(w => w.Secret).HasMaxLength(100);
        b.Property(w => w.CreatedAt).AsUtc();
    }
}

