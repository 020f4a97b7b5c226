using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class EmergencyJudgementConfiguration : IEntityTypeConfiguration<EmergencyJudgement>
{
    public void Configure(EntityTypeBuilder<EmergencyJudgement> b)
    {
        b.ToTable("emergency_judgements");
        b.HasKey(j => j.Id);
        b.HasIndex(j => new { j.UnitId, j.ConfirmedAt });
        b.HasIndex(j => j.AlertId).IsUnique();
        b.HasOne<Alert>().WithMany().HasForeignKey(j => j.AlertId);
        b.Property(j => j.UnitId).HasMaxLength(64);
        b.Property(j => j.JudgeId).HasMaxLength(64);
        b.Property(j => j.OperatorId).HasMaxLength(64);
        b.Property(j => j.Means).AsText();
        b.Property(j => j.Conditions).AsJsonList();
        b.Property(j => j.JudgedAt).AsUtc();
        b.Property(j => j.CreatedAt).AsUtc();
        b.Property(j => j.ConfirmedAt).AsUtc();
        b.Ignore(j => j.Owed);
    }
}
