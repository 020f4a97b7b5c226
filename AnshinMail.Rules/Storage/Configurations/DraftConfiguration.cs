using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> b)
    {
        b.ToTable("drafts");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.UnitId, d.Status });
        b.Property(d => d.CategoryId).HasMaxLength(64);
        b.Property(d => d.UnitId).HasMaxLength(64);
        b.Property(d => d.RequestingUnitId).HasMaxLength(64);
        b.Property(d => d.AuthorId).HasMaxLength(64);
        b.Property(d => d.Fields).AsJson().HasMaxLength(20_000);
        b.Property(d => d.TargetAreas).AsJsonList();
        b.Property(d => d.IncidentArea).HasMaxLength(64);
        b.Property(d => d.Harm).HasConversion<int>();
        b.Property(d => d.HarmReason).HasMaxLength(200);
        b.Property(d => d.DivisionInCharge).HasMaxLength(64);
        b.Property(d => d.VictimSex).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.FollowUpKind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Status).AsText();
        b.Property(d => d.ContentHash).HasMaxLength(64);
        b.Property(d => d.RejectionReason).HasMaxLength(1000);
        b.Property(d => d.CreatedAt).AsUtc();
        b.Property(d => d.UpdatedAt).AsUtc();
        b.Ignore(d => d.Victim);
    }
}

