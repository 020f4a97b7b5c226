namespace AnshinMail.Rules.Policy;

/// <summary>What the rules decided for one <see cref="PolicyCase"/>.</summary>
public sealed record PolicyVerdict
{
    /// <summary>Every finding of the rules: blocks, warnings and information.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>Y9.2: the regime in force at the instant.</summary>
    public required ApprovalRegime Regime { get; init; }
    /// <summary>Y9.2: set when the approver is entitled (stage Approve).</summary>
    public ApproverDecision? Approver { get; init; }
    /// <summary>Y9.4: when it would go out; null when it cannot.</summary>
    public SendDecision? Send { get; init; }
    /// <summary>T3(2) ただし書き: the areas the unit may send to itself.</summary>
    public IReadOnlyList<string> SendAreas { get; init; } = [];
    /// <summary>T3(2): the distribution request to make for areas outside the unit's own, if any.</summary>
    public DistributionRequestDecision? DistributionRequest { get; init; }
    /// <summary>Y11.4: the neighbouring stations to ask to share the alert.</summary>
    public IReadOnlyList<string> ShareRequests { get; init; } = [];
    /// <summary>T4(2): the unit to ask for the Yahoo!防災速報 relay, when eligible.</summary>
    public string? YahooRelayTo { get; init; }
    /// <summary>Y11.2: the sent alert stays open until a resolution is sent.</summary>
    public bool ResolutionOwed { get; init; }
    /// <summary>Y6.3(1): set when the current password has expired.</summary>
    public PasswordExpiredDecision? PasswordExpired { get; init; }
    /// <summary>Y10: the ids of the ledger entries that may be disposed of.</summary>
    public IReadOnlyList<string> Disposable { get; init; } = [];

    /// <summary>Whether any finding refuses the step.</summary>
    public bool Blocked => Findings.Any(f => f.Severity == Severity.Block);
    /// <summary>The findings that refuse the step.</summary>
    public IEnumerable<Finding> Blocks => Findings.Where(f => f.Severity == Severity.Block);
    /// <summary>The findings staff are warned of.</summary>
    public IEnumerable<Finding> Warnings => Findings.Where(f => f.Severity == Severity.Warn);
    /// <summary>T4(2): whether the alert is to be relayed to Yahoo!防災速報.</summary>
    public bool YahooRelayEligible => YahooRelayTo is not null;

    /// <summary>Y9.3, Y9.4: the alert may be handed to delivery at this instant.</summary>
    public bool MaySendNow => !Blocked && Send is { Timing: SendTiming.Now or SendTiming.Emergency };

    /// <summary>Whether a finding has the stable code <paramref name="code"/>.</summary>
    public bool Has(string code) => Findings.Any(f => f.Code == code);
}
