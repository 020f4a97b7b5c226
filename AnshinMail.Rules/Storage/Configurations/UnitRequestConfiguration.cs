using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class UnitRequestConfiguration : IEntityTypeConfiguration<UnitRequest>
{
    public void Configure(EntityTypeBuilder<UnitRequest> b)
    {
        b.ToTable("unit_requests");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ToUnitId, r.Status });
        b.Property(r => r.Kind).AsText();
        b.Property(r => r.FollowUpKind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).AsText();
        b.Property(r => r.FromUnitId).HasMaxLength(64);
        b.Property(r => r.ToUnitId).HasMaxLength(64);
        b.Property(r => r.CreatedBy).HasMaxLength(64);
        b.Property(r => r.HandledBy).HasMaxLength(64);
        b.Property(r => r.Areas).AsJsonList();
        b.Property(r => r.Payload).HasMaxLength(40_000);
        b.Property(r => r.CreatedAt).AsUtc();
        b.Property(r => r.HandledAt).AsUtc();
        b.Property(r => r.UpdatedAt).AsUtc();
        b.Property(r => r.DivisionInCharge).HasMaxLength(64);
        b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.Property(r => r.Answer).HasMaxLength(2000);
        b.Property(r => r.Subject).HasMaxLength(300);
        b.Property(r => r.Body).HasMaxLength(20_000);
    }
}

