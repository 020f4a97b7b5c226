using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Approvals;

/// <summary>
/// Y9.2, Y11.1, Y10: an entitled approver of the draft's unit approves this version with the three
/// privacy confirmations; a PR or duty officer's approval opens an after-the-fact report; the
/// approved draft is filed in the ledger (once per draft; a re-approval updates its entry).
/// </summary>
public sealed class ApproveDraft(WorkflowContext w)
{
    /// <summary>Approves the current version of draft <paramref name="draftId"/> as <paramref name="actor"/> with
    /// <paramref name="input"/>'s confirmations, in one audited transaction; a blocking verdict throws <see
    /// cref="PolicyRefusedException"/>.</summary>
    public Task<Approval> RunAsync(Person actor, long draftId, ApprovalInput input, CancellationToken ct = default) =>
        w.Run(actor, "draft.approve", Refusal.Id(draftId), async () =>
        {
            var draft = await w.LoadDraft(draftId, ct);
            draft.Approve(w.Now);
            var fact = w.FactOf(draft);
            var approvalFact = new ApprovalFact
            {
                Approver = actor,
                DistributorAbsent = input.DistributorAbsent,
                Confirmations = input.Confirmations,
                ContentHash = fact.ContentHash,
            };
            var verdict = Refusal.Unless(w.Engine.Evaluate(new PolicyCase
            {
                Stage = PolicyStage.Approve,
                At = w.Now,
                Actor = actor,
                Draft = fact,
                Approval = approvalFact,
                FollowUp = await w.FollowUpOf(draft, ct),
            }));
            var decision = verdict.Approver
                ?? throw PolicyRefusedException.Because("Y9.2", "approval.not-entitled", "この承認者は承認できません。");
            var approval = Approval.Of(draft, actor, decision.Regime, input, w.Now);
            w.Db.Approvals.Add(approval);
            await w.Db.SaveChangesAsync(ct);
            if (decision.PostReportOwed) w.Db.PostReports.Add(PostReport.Owed(approval, draft));
            await new LedgerFiling(w).OnApprovalAsync(draft, approval, decision.PostReportOwed, ct);
            return approval;
        }, null, ct);
}
