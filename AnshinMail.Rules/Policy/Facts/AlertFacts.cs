using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

public enum FollowUpKind
{
    Resolution,
    Correction,
    Supplement,
}

/// <summary>A sent alert as the rules see it (Y11.2, Y11.3).</summary>
public sealed record SentAlertFact
{
    public required string Id { get; init; }
    public required CategoryDefinition Category { get; init; }
    public required UnitDefinition Unit { get; init; }
    public UnitDefinition? RequestingUnit { get; init; }
    public required bool Sent { get; init; }
    public required bool Resolved { get; init; }
}

/// <summary>Y11.3: the draft being written is a follow-up of <see cref="Original"/>.</summary>
public sealed record FollowUpFact(FollowUpKind Kind, SentAlertFact Original);

/// <summary>Y6.3: a proposed new password.</summary>
public sealed record PasswordCandidate(string Password, bool SameAsCurrent);

/// <summary>Y6.3(1): when the current password was set.</summary>
public sealed record PasswordAge(DateTimeOffset SetAt);

/// <summary>Y10: a ledger entry and the calendar year it was made in.</summary>
public sealed record LedgerRecordFact(string Id, int Year);
