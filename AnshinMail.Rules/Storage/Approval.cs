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

    /// <summary>This version of the draft, approved by this person under this regime with these
    /// confirmations.</summary>
    public static Approval Of(Draft draft, Person approver, ApprovalRegime regime, ApprovalInput input,
        DateTimeOffset now) => new()
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

