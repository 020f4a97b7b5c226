using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>承認 (Y9.2, Y11.1): who approved which version, under which regime, with which confirmations.</summary>
public sealed class Approval
{
    public long Id { get; set; }
    public long DraftId { get; set; }
    public int Version { get; set; }
    public required string ApproverId { get; set; }
    public required string ApproverUnitId { get; set; }
    public ApprovalRegime Regime { get; set; }
    public bool DistributorAbsent { get; set; }
    public List<string> Confirmations { get; set; } = [];
    public required string ContentHash { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>This version of the draft, approved by this person under this regime with these confirmations.</summary>
    public static Approval Of(Draft draft, Person approver, ApprovalRegime regime, ApprovalInput input, DateTimeOffset now) => new()
    {
        DraftId = draft.Id,
        Version = draft.Version,
        ApproverId = approver.Id,
        ApproverUnitId = approver.UnitId,
        Regime = regime,
        DistributorAbsent = input.DistributorAbsent,
        Confirmations = input.Confirmations.Order(StringComparer.Ordinal).ToList(),
        ContentHash = draft.ComputeHash(),
        At = now,
    };
}

/// <summary>事後報告 (Y9.2): owed by a PR officer or duty officer who approved; open until the distributor acknowledges.</summary>
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
