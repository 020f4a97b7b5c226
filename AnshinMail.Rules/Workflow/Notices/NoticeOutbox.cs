using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Notices;

/// <summary>
/// The one place that sees what every operation adds (a draft submitted, any new <see cref="UnitRequest"/>, an
/// owed report or emergency confirmation, an abnormality report): it watches the saves of one
/// <see cref="WorkflowRun"/> and writes a <see cref="StaffNotice"/> for each in the same transaction, so a notice
/// exists exactly when its cause was committed.
/// </summary>
internal sealed class NoticeOutbox : IDisposable
{
    private readonly AnshinDbContext _db;
    private readonly List<(StaffNoticeKind Kind, object Entity)> _seen = [];

    private NoticeOutbox(AnshinDbContext db)
    {
        _db = db;
        _db.SavingChanges += OnSaving;
    }

    public static NoticeOutbox Watch(AnshinDbContext db) => new(db);

    /// <summary>Writes the notices of what was saved (their ids are known now), and returns them.</summary>
    public List<StaffNotice> Append(DateTimeOffset now)
    {
        var notices = _seen.DistinctBy(s => s.Entity).Select(s => StaffNotice.Of(s.Kind, IdOf(s.Entity), now)).ToList();
        _db.StaffNotices.AddRange(notices);
        _seen.Clear();
        return notices;
    }

    public void Dispose() => _db.SavingChanges -= OnSaving;

    private void OnSaving(object? sender, SavingChangesEventArgs e)
    {
        _db.ChangeTracker.DetectChanges();
        foreach (var entry in _db.ChangeTracker.Entries())
            if (KindOf(entry) is { } kind) _seen.Add((kind, entry.Entity));
    }

    private static StaffNoticeKind? KindOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        (entry.State, entry.Entity) switch
        {
            (EntityState.Added, UnitRequest) => StaffNoticeKind.Request,
            // T4(2): a relay done once and reopened by a follow-up that went out is the receiving unit's again.
            (EntityState.Modified, UnitRequest { Status: RequestStatus.Open })
                when entry.Property(nameof(UnitRequest.Status)).IsModified => StaffNoticeKind.Request,
            (EntityState.Added, PostReport) => StaffNoticeKind.PostReport,
            (EntityState.Added, EmergencyJudgement { Owed: true }) => StaffNoticeKind.EmergencyConfirmation,
            (EntityState.Added, AbnormalityReport) => StaffNoticeKind.Abnormality,
            (EntityState.Added or EntityState.Modified, Draft { Status: DraftStatus.Submitted })
                when entry.State == EntityState.Added || entry.Property(nameof(Draft.Status)).IsModified
                => StaffNoticeKind.AwaitingApproval,
            _ => null,
        };

    private static long IdOf(object entity) => entity switch
    {
        UnitRequest r => r.Id,
        PostReport p => p.Id,
        EmergencyJudgement j => j.Id,
        AbnormalityReport a => a.Id,
        Draft d => d.Id,
        _ => throw new InvalidOperationException(entity.GetType().Name),
    };
}
