namespace AnshinMail.Rules.Policy;

/// <summary>Y9.2 / Y11.1: an approval, being given (stage Approve) or on record (stage Send).</summary>
public sealed record ApprovalFact
{
    /// <summary>The person approving (or who approved).</summary>
    public required Person Approver { get; init; }
    /// <summary>The approver states that the distributor is absent (Y9.2 ただし書き).</summary>
    public bool DistributorAbsent { get; init; }
    /// <summary>Ids of the privacy confirmations ticked (Y11.1), from the book.</summary>
    public required IReadOnlySet<string> Confirmations { get; init; }
    /// <summary>Y9.3: the content the approval covers.</summary>
    public required string ContentHash { get; init; }
}

/// <summary>Y9.4: the distributor's emergency judgement, with the conditions they recorded.</summary>
public sealed record EmergencyFact(Person DecidedBy, IReadOnlySet<string> Conditions);

/// <summary>Whether the unit's distributor is absent at the instant (drives the regime, Y9.2).</summary>
internal sealed record Presence(bool DistributorAbsent);
