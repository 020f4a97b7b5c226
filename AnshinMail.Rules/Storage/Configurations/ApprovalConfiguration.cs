using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> b)
    {
        b.ToTable("approvals");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.DraftId);
        b.HasOne<Draft>().WithMany().HasForeignKey(a => a.DraftId);
        b.Property(a => a.ApproverId).HasMaxLength(64);
        b.Property(a => a.ApproverUnitId).HasMaxLength(64);
        b.Property(a => a.Regime).AsText();
        b.Property(a => a.Confirmations).AsJsonList(500);
        b.Property(a => a.ContentHash).HasMaxLength(64);
        b.Property(a => a.At).AsUtc();
    }
}

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
