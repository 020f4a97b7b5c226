using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class PostReportConfiguration : IEntityTypeConfiguration<PostReport>
{
    public void Configure(EntityTypeBuilder<PostReport> b)
    {
        b.ToTable("post_reports");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.UnitId, r.AcknowledgedAt });
        b.HasOne<Approval>().WithMany().HasForeignKey(r => r.ApprovalId);
        b.Property(r => r.UnitId).HasMaxLength(64);
        b.Property(r => r.ReporterId).HasMaxLength(64);
        b.Property(r => r.AcknowledgedBy).HasMaxLength(64);
        b.Property(r => r.Regime).AsText();
        b.Property(r => r.CreatedAt).AsUtc();
        b.Property(r => r.AcknowledgedAt).AsUtc();
    }
}
