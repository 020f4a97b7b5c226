using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>事後報告 (Y9.2): owed by a PR officer or duty officer who approved; open until the distributor
/// acknowledges.</summary>
public sealed class PostReport
{
    public long Id { get; set; }
    public long ApprovalId { get; set; }
    public long DraftId { get; set; }
    public required string UnitId { get; set; }
    public required string ReporterId { get; set; }
    public ApprovalRegime Regime { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Y9.2: owed by whoever approved in the distributor's place.</summary>
    public static PostReport Owed(Approval approval, Draft draft) => new()
    {
        ApprovalId = approval.Id,
        DraftId = draft.Id,
        UnitId = draft.UnitId,
        ReporterId = approval.ApproverId,
        Regime = approval.Regime,
        CreatedAt = approval.At,
    };

    /// <summary>Y9.2: the distributor has read the report.</summary>
    public void Acknowledge(string by, DateTimeOffset now)
    {
        Refusal.Require(AcknowledgedAt is null, "Y9.2", "post-report.done", "この事後報告は既に確認済みです。");
        AcknowledgedBy = by;
        AcknowledgedAt = now;
    }
}
