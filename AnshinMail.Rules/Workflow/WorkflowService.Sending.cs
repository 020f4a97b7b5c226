using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow;

public sealed partial class WorkflowService
{
    /// <summary>
    /// Y9.3, Y9.4: staff re-check the approved text (<paramref name="rechecked"/>) and release it: it goes
    /// out now inside sending hours, or is scheduled for the next opening. Requests the verdict names
    /// (distribution to HQ for outside areas, shares to neighbours, Yahoo relay) are filed in the same transaction.
    /// </summary>
    public Task<SendOutcome> SendAsync(Person actor, long draftId, bool rechecked, CancellationToken ct = default) =>
        Release(actor, "alert.send", draftId, rechecked, null, ct);

    /// <summary>Y9.4 ただし書き: outside sending hours, the unit's distributor sends at once, recording the four conditions.</summary>
    public Task<SendOutcome> EmergencySendAsync(Person actor, long draftId, IReadOnlySet<string> conditions, CancellationToken ct = default) =>
        Release(actor, "alert.emergency-send", draftId, true, new EmergencyFact(actor, conditions), ct);

    private async Task<SendOutcome> Release(Person actor, string action, long draftId, bool rechecked, EmergencyFact? emergency, CancellationToken ct)
    {
        var outcome = await Commit(actor, action, draftId, rechecked, emergency, ct);
        // Committed: wake the delivery worker for what goes out now (a held alert waits for its time).
        if (outcome.Timing != SendTiming.Hold) signal?.Notify();
        return outcome;
    }

    private Task<SendOutcome> Commit(Person actor, string action, long draftId, bool rechecked, EmergencyFact? emergency, CancellationToken ct) =>
        Run(actor, action, Id(draftId), async () =>
        {
            RequireWriter(actor);
            Require(rechecked, "Y9.3", "send.not-rechecked", "配信前に承認済みの内容を再確認し、確認欄にチェックしてください。");
            var draft = await LoadDraft(draftId, ct);
            RequireOwnUnit(actor, draft.UnitId, Book.Unit(draft.UnitId).Name);
            Require(draft.Status != DraftStatus.Released, "Y9.3", "send.already", "この配信文は既に配信（予約）されています。");
            var approval = await db.Approvals.AsNoTracking().Where(a => a.DraftId == draftId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
            var now = clock.GetUtcNow();
            var fact = FactOf(draft);
            var verdict = Refuse(engine.Evaluate(new PolicyCase
            {
                Stage = PolicyStage.Send, At = now, Actor = actor, Draft = fact, Emergency = emergency,
                Approval = approval is null ? null : await ApprovalFactOf(approval, ct), FollowUp = await FollowUpOf(draft, ct),
            }));
            if (emergency is not null)
                Require(verdict.Send?.Timing == SendTiming.Emergency, "Y9.4", "emergency.not-needed",
                    "配信時間内です。緊急配信ではなく通常の配信を行ってください。");
            var send = verdict.Send
                ?? throw PolicyRefusedException.Because("Y9.4", "send.no-decision", "配信の時期を決められませんでした。承認と配信時間を確認してください。");
            var message = await Render(draft, fact, ct);
            var alert = new Alert
            {
                DraftId = draft.Id, LedgerEntryId = draft.LedgerEntryId, CategoryId = draft.CategoryId, UnitId = draft.UnitId,
                RequestingUnitId = draft.RequestingUnitId, Areas = verdict.SendAreas.ToList(), Subject = message.Subject, Body = message.Body,
                Status = send.Timing == SendTiming.Hold ? AlertStatus.Scheduled : AlertStatus.Sending,
                Emergency = send.Timing == SendTiming.Emergency,
                EmergencyConditions = emergency?.Conditions.Order(StringComparer.Ordinal).ToList() ?? [],
                ScheduledFor = send.Timing == SendTiming.Hold ? send.At : null,
                StartedAt = send.Timing == SendTiming.Hold ? null : now,
                SentBy = actor.Id, FollowUpKind = draft.FollowUpKind, FollowUpOfAlertId = draft.FollowUpOfAlertId,
                ResolutionOwed = draft.FollowUpKind is null && Book.Category(draft.CategoryId).ResolutionTracked,
            };
            db.Alerts.Add(alert);
            draft.Status = DraftStatus.Released;
            draft.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            await UpdateLedgerOnRelease(draft, alert, ct);
            await CloseOriginal(draft, alert, now, ct);
            var requests = FileRequests(actor, draft, alert, verdict, now);
            await db.SaveChangesAsync(ct);
            return new SendOutcome(alert.Id, send.Timing, send.At, requests.Select(r => r.Id).ToList());
        }, null, ct);

    private async Task<ApprovalFact> ApprovalFactOf(Approval a, CancellationToken ct)
    {
        var roles = await db.Accounts.AsNoTracking().Where(x => x.UserId == a.ApproverId).Select(x => x.Roles).SingleOrDefaultAsync(ct) ?? [];
        return new ApprovalFact
        {
            Approver = new Person(a.ApproverId, a.ApproverUnitId, roles.ToHashSet()),
            DistributorAbsent = a.DistributorAbsent, Confirmations = a.Confirmations.ToHashSet(), ContentHash = a.ContentHash,
        };
    }

    private async Task UpdateLedgerOnRelease(Draft draft, Alert alert, CancellationToken ct)
    {
        if (draft.LedgerEntryId is not { } id) return;
        var entry = await db.LedgerEntries.SingleAsync(e => e.Id == id, ct);
        entry.ScheduledFor = alert.ScheduledFor;
        entry.SentAt = alert.StartedAt;
    }

    /// <summary>Y11.2, Y11.3: a resolution closes the original; every follow-up is listed on the original's ledger entry.</summary>
    private async Task CloseOriginal(Draft draft, Alert alert, DateTimeOffset now, CancellationToken ct)
    {
        if (draft.FollowUpOfAlertId is not { } originalId) return;
        var original = await LoadAlert(originalId, ct);
        if (draft.FollowUpKind == FollowUpKind.Resolution) original.ResolvedAt = now;
        if (original.LedgerEntryId is not { } originalEntryId || alert.LedgerEntryId is not { } entryId) return;
        var entries = await db.LedgerEntries.Where(e => e.Id == originalEntryId || e.Id == entryId).ToListAsync(ct);
        var originalEntry = entries.Single(e => e.Id == originalEntryId);
        var number = entries.Single(e => e.Id == entryId).Number;
        originalEntry.FollowUps = string.IsNullOrEmpty(originalEntry.FollowUps) ? number : $"{originalEntry.FollowUps},{number}";
    }

    /// <summary>Y11.2: sent incident alerts that still owe a resolution, oldest first (optionally of one unit).</summary>
    public Task<List<Alert>> OpenAlertsAsync(string? unitId = null, CancellationToken ct = default) =>
        db.Alerts.AsNoTracking()
            .Where(a => a.ResolutionOwed && a.ResolvedAt == null && (unitId == null || a.UnitId == unitId || a.RequestingUnitId == unitId))
            .OrderBy(a => a.Id).ToListAsync(ct);
}
