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

