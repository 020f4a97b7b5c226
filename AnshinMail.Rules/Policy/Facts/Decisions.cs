namespace AnshinMail.Rules.Policy;

// Decision facts: inserted by rules, read by PolicyEngine into the PolicyVerdict.

/// <summary>Y9.2: the regime in force at the instant (exactly one).</summary>
public sealed record RegimeDecision(ApprovalRegime Regime);

/// <summary>Y9.2: the approver is entitled, as <see cref="Regime"/>; a report to the distributor may be owed.</summary>
public sealed record ApproverDecision(ApprovalRegime Regime, bool PostReportOwed);

/// <summary>Y9.4: when an approved alert goes out.</summary>
public enum SendTiming
{
    /// <summary>Now: inside sending hours.</summary>
    Now,
    /// <summary>Held until the next opening of sending hours.</summary>
    Hold,
    /// <summary>Now, outside sending hours, on the distributor's emergency judgement.</summary>
    Emergency,
}

/// <summary>Y9.4: when an approved alert goes out.</summary>
public sealed record SendDecision(SendTiming Timing, DateTimeOffset At);

/// <summary>T3(2): areas outside the station's jurisdiction go to <see cref="ToUnit"/> as a distribution
/// request; <see cref="DivisionInCharge"/> is the division of the case (the same unit by day, the duty desk's
/// forwarding address at night).</summary>
public sealed record DistributionRequestDecision(string ToUnit, IReadOnlyList<string> Areas, string DivisionInCharge);

/// <summary>T3(2) ただし書き: the areas this unit may send to itself.</summary>
public sealed record SendAreasDecision(IReadOnlyList<string> Areas);

/// <summary>Y11.4: a share request to a neighbouring station.</summary>
public sealed record ShareRequestDecision(string ToUnit);

/// <summary>T4(2): relay to Yahoo!防災速報 through <see cref="ToUnit"/>.</summary>
public sealed record YahooRelayDecision(string ToUnit);

/// <summary>Y11.2: this sent alert stays open until a resolution is sent.</summary>
public sealed record ResolutionOwedDecision(string AlertId);

/// <summary>Y6.3(1): the current password has expired; only a change is allowed.</summary>
public sealed record PasswordExpiredDecision(DateTimeOffset ExpiredAt);

/// <summary>Y10: this ledger entry may be disposed of.</summary>
public sealed record DisposableDecision(string EntryId);
