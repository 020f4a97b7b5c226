namespace AnshinMail.Rules.Policy;

/// <summary>Everything the engine needs to decide, including the instant: the engine reads no clock.</summary>
public sealed record PolicyCase
{
    /// <summary>What is being attempted (draft, approve, send, administration).</summary>
    public required PolicyStage Stage { get; init; }
    /// <summary>The instant of the case; the engine reads no clock.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Who attempts it.</summary>
    public required Person Actor { get; init; }
    /// <summary>The draft concerned, if any.</summary>
    public DraftFact? Draft { get; init; }
    /// <summary>The approval being given or on record, if any.</summary>
    public ApprovalFact? Approval { get; init; }
    /// <summary>Whether the unit's distributor is absent (Y9.2); taken from the approval when there is one.</summary>
    public bool DistributorAbsent { get; init; }
    /// <summary>Y9.4: the distributor's emergency judgement, if one is given.</summary>
    public EmergencyFact? Emergency { get; init; }
    /// <summary>Y11.3: the draft is a follow-up of a sent alert.</summary>
    public FollowUpFact? FollowUp { get; init; }
    /// <summary>The sent alert concerned (follow-ups, resolution), if any.</summary>
    public SentAlertFact? Alert { get; init; }
    /// <summary>Y6.3: a proposed new password, if any.</summary>
    public PasswordCandidate? Password { get; init; }
    /// <summary>Y6.3(1): when the current password was set, if that is asked.</summary>
    public PasswordAge? PasswordAge { get; init; }
    /// <summary>Y10: ledger entries to check for disposal.</summary>
    public IReadOnlyList<LedgerRecordFact> LedgerEntries { get; init; } = [];
}
