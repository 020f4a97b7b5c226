using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow;

public sealed partial class WorkflowService
{
    /// <summary>
    /// Y9.2, Y11.1, Y10: an entitled approver of the draft's unit approves this version with the three
    /// privacy confirmations; a PR or duty officer's approval opens an after-the-fact report; the
    /// approved draft is filed in the ledger (once per draft; a re-approval updates its entry).
    /// </summary>
    public Task<Approval> ApproveAsync(Person actor, long draftId, ApprovalInput input, CancellationToken ct = default) =>
        Run(actor, "draft.approve", Id(draftId), async () =>
        {
            var draft = await LoadDraft(draftId, ct);
            Require(draft.Status is DraftStatus.Writing or DraftStatus.Submitted or DraftStatus.Rejected, "Y9.2", "draft.not-approvable",
                draft.Status == DraftStatus.Approved ? "この版は既に承認されています。" : "配信済み（予約済み）の配信文は承認できません。");
            var now = clock.GetUtcNow();
            var fact = FactOf(draft);
            var approvalFact = new ApprovalFact
            {
                Approver = actor, DistributorAbsent = input.DistributorAbsent, Confirmations = input.Confirmations, ContentHash = fact.ContentHash,
            };
            var verdict = Refuse(engine.Evaluate(new PolicyCase
            {
                Stage = PolicyStage.Approve, At = now, Actor = actor, Draft = fact, Approval = approvalFact, FollowUp = await FollowUpOf(draft, ct),
            }));
            var decision = verdict.Approver
                ?? throw PolicyRefusedException.Because("Y9.2", "approval.not-entitled", "この承認者は承認できません。");
            var approval = new Approval
            {
                DraftId = draft.Id, Version = draft.Version, ApproverId = actor.Id, ApproverUnitId = actor.UnitId, Regime = decision.Regime,
                DistributorAbsent = input.DistributorAbsent, Confirmations = input.Confirmations.Order(StringComparer.Ordinal).ToList(),
                ContentHash = fact.ContentHash, At = now,
            };
            db.Approvals.Add(approval);
            await db.SaveChangesAsync(ct);
            if (decision.PostReportOwed)
                db.PostReports.Add(new PostReport
                {
                    ApprovalId = approval.Id, DraftId = draft.Id, UnitId = draft.UnitId, ReporterId = actor.Id, Regime = decision.Regime, CreatedAt = now,
                });
            draft.Status = DraftStatus.Approved;
            draft.UpdatedAt = now;
            await FileInLedger(draft, fact, approval, decision.PostReportOwed, ct);
            return approval;
        }, null, ct);

    /// <summary>An approver of the unit sends the draft back with a reason.</summary>
    public Task<Draft> RejectAsync(Person actor, long draftId, string reason, CancellationToken ct = default) =>
        Run(actor, "draft.reject", Id(draftId), async () =>
        {
            var draft = await LoadDraft(draftId, ct);
            RequireOwnUnit(actor, draft.UnitId, Book.Unit(draft.UnitId).Name);
            Require(Approvers.Any(actor.Has), "Y9.2", "approval.not-entitled", "差し戻しができるのは承認者（情報配信者・広報活動責任者・当直責任者）です。");
            Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= 1000, "Y9.2", "draft.reject-reason", "差し戻しの理由を1000文字以内で入力してください。");
            Require(draft.Status is DraftStatus.Writing or DraftStatus.Submitted or DraftStatus.Approved, "Y9.2", "draft.not-rejectable", "この配信文（案）は差し戻せません。");
            draft.Status = DraftStatus.Rejected;
            draft.RejectionReason = reason.Trim();
            draft.UpdatedAt = clock.GetUtcNow();
            return draft;
        }, null, ct);

    /// <summary>Y9.2: the unit's distributor acknowledges a PR or duty officer's after-the-fact report.</summary>
    public Task<PostReport> AcknowledgePostReportAsync(Person actor, long reportId, CancellationToken ct = default) =>
        Run(actor, "post-report.acknowledge", Id(reportId), async () =>
        {
            var report = await db.PostReports.SingleOrDefaultAsync(r => r.Id == reportId, ct)
                ?? throw PolicyRefusedException.Because("Y9.2", "post-report.unknown", $"事後報告 {reportId} はありません。");
            RequireOwnUnit(actor, report.UnitId, Book.Unit(report.UnitId).Name);
            Require(actor.Has(Role.Distributor), "Y9.2", "post-report.not-distributor", "事後報告を受けるのは情報配信者（所属長）です。");
            Require(report.AcknowledgedAt is null, "Y9.2", "post-report.done", "この事後報告は既に確認済みです。");
            report.AcknowledgedBy = actor.Id;
            report.AcknowledgedAt = clock.GetUtcNow();
            var entry = await db.LedgerEntries.SingleOrDefaultAsync(e => e.Id == db.Drafts.Where(d => d.Id == report.DraftId).Select(d => d.LedgerEntryId).Single(), ct);
            entry?.PostReportStatus = Ledger.LedgerCsv.PostReportDone;
            return report;
        }, null, ct);

    /// <summary>After-the-fact reports of a unit not yet acknowledged.</summary>
    public Task<List<PostReport>> OpenPostReportsAsync(string unitId, CancellationToken ct = default) =>
        db.PostReports.AsNoTracking().Where(r => r.UnitId == unitId && r.AcknowledgedAt == null).OrderBy(r => r.Id).ToListAsync(ct);

    private async Task FileInLedger(Draft draft, DraftFact fact, Approval approval, bool reportOwed, CancellationToken ct)
    {
        var message = await Render(draft, fact, ct);
        var entry = draft.LedgerEntryId is { } id ? await db.LedgerEntries.SingleAsync(e => e.Id == id, ct) : null;
        var isNew = entry is null;
        entry ??= new LedgerEntry
        {
            CategoryId = draft.CategoryId, SendingUnitId = draft.UnitId, AuthorId = draft.AuthorId, ApproverId = "", Regime = "",
            PostReportStatus = "", Confirmations = "", Subject = "", Body = "",
        };
        entry.RequestingUnitId = draft.RequestingUnitId;
        entry.ApproverId = approval.ApproverId;
        entry.Regime = approval.Regime.ToString();
        entry.PostReportStatus = reportOwed ? Ledger.LedgerCsv.PostReportOpen : Ledger.LedgerCsv.PostReportNone;
        entry.Confirmations = string.Join(",", approval.Confirmations);
        entry.ApprovedAt = approval.At;
        entry.Subject = message.Subject;
        entry.Body = message.Body;
        if (isNew)
        {
            await _ledger.AddAsync(entry, ct);
            draft.LedgerEntryId = entry.Id;
        }
    }
}
