using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> b)
    {
        b.ToTable("draft_versions");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.DraftId, v.Version }).IsUnique();
        b.HasOne<Draft>().WithMany().HasForeignKey(v => v.DraftId);
        b.Property(v => v.SavedBy).HasMaxLength(64);
        b.Property(v => v.SavedAt).AsUtc();
        b.Property(v => v.ContentHash).HasMaxLength(64);
        b.Property(v => v.Fields).AsJson().HasMaxLength(20_000);
        b.Property(v => v.TargetAreas).AsJsonList();
    }
}
