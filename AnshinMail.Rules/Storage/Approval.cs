using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>承認 (Y9.2, Y11.1): who approved which version, under which regime, with which confirmations.</summary>
public sealed class Approval
{
    /// <summary>The approval's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The draft approved.</summary>
    public long DraftId { get; set; }
    /// <summary>The draft version approved: a later edit needs a new approval.</summary>
    public int Version { get; set; }
    /// <summary>The user ID of the approver.</summary>
    public required string ApproverId { get; set; }
    /// <summary>The id of the approver's unit.</summary>
    public required string ApproverUnitId { get; set; }
    /// <summary>Y9.2: in whose place the approver acted (distributor, PR officer, duty officer).</summary>
    public ApprovalRegime Regime { get; set; }
    /// <summary>Y9.2: the approver recorded that the distributor was absent.</summary>
    public bool DistributorAbsent { get; set; }
    /// <summary>Y11.1: the ids of the privacy statements the approver confirmed.</summary>
    public List<string> Confirmations { get; set; } = [];
    /// <summary>The content hash of the version approved, checked again when it is sent.</summary>
    public required string ContentHash { get; set; }
    /// <summary>When it was approved.</summary>
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

