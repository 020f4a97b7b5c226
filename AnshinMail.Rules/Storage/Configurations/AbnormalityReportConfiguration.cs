using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class AbnormalityReportConfiguration : IEntityTypeConfiguration<AbnormalityReport>
{
    public void Configure(EntityTypeBuilder<AbnormalityReport> b)
    {
        b.ToTable("abnormality_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.ReporterId).HasMaxLength(64);
        b.Property(r => r.UnitId).HasMaxLength(64);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.AcknowledgedBy).HasMaxLength(64);
        b.Property(r => r.At).AsUtc();
        b.Property(r => r.AcknowledgedAt).AsUtc();
    }
}
