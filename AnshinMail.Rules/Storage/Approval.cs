using AnshinMail.Rules.Policy;

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
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
