using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Approvals;

/// <summary>Y10: what the workflow writes into the ledger (配信簿) at approval, acknowledgement, release and
/// follow-up.</summary>
internal sealed class LedgerFiling(WorkflowContext w)
{
    /// <summary>An approved draft is filed once; a re-approval adds to its entry's approvals (Y10: every approval
    /// is kept, in order) and the entry carries the text last approved.</summary>
    public async Task OnApprovalAsync(Draft draft, Approval approval, bool reportOwed, CancellationToken ct)
    {
        var message = await w.Render(draft, ct);
        var entry = draft.LedgerEntryId is { } id ? await w.Db.LedgerEntries.SingleAsync(e => e.Id == id, ct) : null;
        var isNew = entry is null;
        entry ??= new LedgerEntry
        {
            CategoryId = draft.CategoryId,
            SendingUnitId = draft.UnitId,
            AuthorId = draft.AuthorId,
            ApproverId = "",
            Regime = "",
            PostReportStatus = "",
            Confirmations = "",
            Subject = "",
            Body = "",
        };
        entry.RequestingUnitId = draft.RequestingUnitId;
        entry.RecordApproval(new LedgerApproval(approval.Version, approval.ApproverId, approval.Regime.ToString(),
            approval.At));
        entry.PostReportStatus = reportOwed ? LedgerCsv.PostReportOpen : LedgerCsv.PostReportNone;
        entry.Confirmations = string.Join(",", approval.Confirmations);
        entry.Subject = message.Subject;
        entry.Body = message.Body;
        if (!isNew) return;
        await w.Ledger.AddAsync(entry, ct);
        draft.LedgerEntryId = entry.Id;
    }

    public async Task OnReportAcknowledgedAsync(PostReport report, CancellationToken ct)
    {
        var entryId = await w.Db.Drafts.Where(d => d.Id == report.DraftId).Select(d => d.LedgerEntryId).SingleAsync(ct);
        var entry = await w.Db.LedgerEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        entry?.PostReportStatus = LedgerCsv.PostReportDone;
    }

    public async Task OnReleaseAsync(Draft draft, Alert alert, EmergencyJudgement? judgement, CancellationToken ct)
    {
        if (draft.LedgerEntryId is not { } id) return;
        var entry = await w.Db.LedgerEntries.SingleAsync(e => e.Id == id, ct);
        entry.ScheduledFor = alert.ScheduledFor;
        entry.SentAt = alert.StartedAt;
        if (judgement is null) return;
        // Y9.4 ただし書き, Y9.3: emergency, the conditions, who judged (how, when) and who operated, by name.
        entry.Emergency = true;
        entry.EmergencyConditions = string.Join(",", judgement.Conditions);
        entry.EmergencyJudge = await Name(judgement.JudgeId, ct);
        entry.EmergencyJudgement = $"{LedgerCsv.MeansName(judgement.Means)} {Stamp(judgement.JudgedAt)}";
        entry.EmergencyOperator = await Name(judgement.OperatorId, ct);
        entry.EmergencyConfirmation = judgement.Owed ? LedgerCsv.ConfirmationOpen : LedgerCsv.PostReportNone;
    }

    /// <summary>Y9.4: the distributor confirmed the emergency sent on their judgement.</summary>
    public async Task OnJudgementConfirmedAsync(EmergencyJudgement judgement, CancellationToken ct)
    {
        var entryId = await w.Db.Alerts.Where(a => a.Id == judgement.AlertId).Select(a => a.LedgerEntryId)
            .SingleAsync(ct);
        var entry = await w.Db.LedgerEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        entry?.EmergencyConfirmation = $"{LedgerCsv.ConfirmationDone} {Stamp(judgement.ConfirmedAt!.Value)}";
    }

    /// <summary>Y11.3: every follow-up is listed on the original's ledger entry.</summary>
    public async Task OnFollowUpAsync(Alert original, Alert followUp, CancellationToken ct)
    {
        if (original.LedgerEntryId is not { } originalEntryId || followUp.LedgerEntryId is not { } entryId) return;
        var entries = await w.Db.LedgerEntries.Where(e => e.Id == originalEntryId || e.Id == entryId).ToListAsync(ct);
        var originalEntry = entries.Single(e => e.Id == originalEntryId);
        var number = entries.Single(e => e.Id == entryId).Number;
        originalEntry.FollowUps = string.IsNullOrEmpty(originalEntry.FollowUps) ? number
            : $"{originalEntry.FollowUps},{number}";
    }

    /// <summary>Y9.3, Y11.3: 取消 / 停止 / 公開取消, with who, when and why.</summary>
    public async Task OnWithdrawalAsync(Alert alert, string kind, Policy.Person actor, string reason,
        CancellationToken ct)
    {
        if (alert.LedgerEntryId is not { } id) return;
        var entry = await w.Db.LedgerEntries.SingleAsync(e => e.Id == id, ct);
        var line = await Line(kind, actor, reason, ct);
        entry.Withdrawal = entry.Withdrawal.Length == 0 ? line : $"{entry.Withdrawal}／{line}";
    }

    /// <summary>Y11.2: closed without a resolution.</summary>
    public async Task OnClosureAsync(Alert alert, Policy.Person actor, string reason, CancellationToken ct)
    {
        if (alert.LedgerEntryId is not { } id) return;
        var entry = await w.Db.LedgerEntries.SingleAsync(e => e.Id == id, ct);
        entry.Closure = await Line("終結", actor, reason, ct);
    }

    public const string Cancelled = "取消", Stopped = "停止", Withdrawn = "公開取消";

    private async Task<string> Line(string kind, Policy.Person actor, string reason, CancellationToken ct) =>
        $"{kind} {Templates.JapaneseDateText.Stamp(w.Now, w.Book.Zone)} {await Name(actor.Id, ct)}: {reason.Trim()}";

    private async Task<string> Name(string userId, CancellationToken ct) =>
        await w.Db.Accounts.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.DisplayName)
            .SingleOrDefaultAsync(ct) ?? Accounts.StaffNames.Unknown;

    private string Stamp(DateTimeOffset at) => w.Engine.Calendar.ToLocal(at)
        .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
