using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>事後報告 (Y9.2): owed by a PR officer or duty officer who approved; open until the distributor
/// acknowledges.</summary>
public sealed class PostReport
{
    /// <summary>The report's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The approval the report is owed for.</summary>
    public long ApprovalId { get; set; }
    /// <summary>The draft approved.</summary>
    public long DraftId { get; set; }
    /// <summary>The id of the unit whose distributor is to be told.</summary>
    public required string UnitId { get; set; }
    /// <summary>The user ID of whoever approved in the distributor's place.</summary>
    public required string ReporterId { get; set; }
    /// <summary>In whose place they approved (PR officer or duty officer).</summary>
    public ApprovalRegime Regime { get; set; }
    /// <summary>When it became owed (the approval's time).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The user ID of the distributor who acknowledged it; null while owed.</summary>
    public string? AcknowledgedBy { get; private set; }
    /// <summary>When the distributor acknowledged it; null while owed.</summary>
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
