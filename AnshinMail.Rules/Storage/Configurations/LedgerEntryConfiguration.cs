using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entries");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.Year, e.Serial }).IsUnique();
        b.Ignore(e => e.Number);
        foreach (var p in new[] { nameof(LedgerEntry.CategoryId), nameof(LedgerEntry.SendingUnitId),
                     nameof(LedgerEntry.RequestingUnitId), nameof(LedgerEntry.AuthorId), nameof(LedgerEntry.ApproverId),
                     nameof(LedgerEntry.Regime), nameof(LedgerEntry.PostReportStatus) })
            b.Property(p).HasMaxLength(64);
        b.Property(e => e.Confirmations).HasMaxLength(500);
        b.Property(e => e.FollowUps).HasMaxLength(500);
        b.Property(e => e.Withdrawal).HasMaxLength(1200);
        b.Property(e => e.Closure).HasMaxLength(1200);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.EmergencyConditions).HasMaxLength(500);
        b.Property(e => e.EmergencyJudge).HasMaxLength(200);
        b.Property(e => e.EmergencyJudgement).HasMaxLength(200);
        b.Property(e => e.EmergencyOperator).HasMaxLength(200);
        b.Property(e => e.EmergencyConfirmation).HasMaxLength(200);
        b.Ignore(e => e.ApprovalHistory);
        b.Property(e => e.Approvals).AsJson();
        b.Property(e => e.ApprovedAt).HasConversion(StorageConversions.Utc);
        b.Property(e => e.ScheduledFor).HasConversion(StorageConversions.NullableUtc);
        b.Property(e => e.SentAt).HasConversion(StorageConversions.NullableUtc);
    }
}
