using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

/// <summary>Y11.2, Y11.3: what a follow-up of a sent alert is.</summary>
public enum FollowUpKind
{
    /// <summary>解除: the incident is over (Y11.2).</summary>
    Resolution,
    /// <summary>訂正: a sent alert said something wrong (Y11.3).</summary>
    Correction,
    /// <summary>補足: more about a sent alert.</summary>
    Supplement,
}

/// <summary>A sent alert as the rules see it (Y11.2, Y11.3).</summary>
public sealed record SentAlertFact
{
    /// <summary>The alert's number, as text.</summary>
    public required string Id { get; init; }
    /// <summary>The alert's category.</summary>
    public required CategoryDefinition Category { get; init; }
    /// <summary>The unit that sent it.</summary>
    public required UnitDefinition Unit { get; init; }
    /// <summary>T3(3): the station that asked for it, if any.</summary>
    public UnitDefinition? RequestingUnit { get; init; }
    /// <summary>Whether it went out (not only scheduled).</summary>
    public required bool Sent { get; init; }
    /// <summary>Y11.2: whether its resolution was sent.</summary>
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
