namespace AnshinMail.Rules.Policy;

/// <summary>Everything the engine needs to decide, including the instant: the engine reads no clock.</summary>
public sealed record PolicyCase
{
    public required PolicyStage Stage { get; init; }
    public required DateTimeOffset At { get; init; }
    public required Person Actor { get; init; }
    public DraftFact? Draft { get; init; }
    public ApprovalFact? Approval { get; init; }
    /// <summary>Whether the unit's distributor is absent (Y9.2); taken from the approval when there is one.</summary>
    public bool DistributorAbsent { get; init; }
    public EmergencyFact? Emergency { get; init; }
    public FollowUpFact? FollowUp { get; init; }
    public SentAlertFact? Alert { get; init; }
    public PasswordCandidate? Password { get; init; }
    public PasswordAge? PasswordAge { get; init; }
    public IReadOnlyList<LedgerRecordFact> LedgerEntries { get; init; } = [];
}
