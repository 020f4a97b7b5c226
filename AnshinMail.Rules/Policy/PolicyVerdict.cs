namespace AnshinMail.Rules.Policy;

/// <summary>What the rules decided for one <see cref="PolicyCase"/>.</summary>
public sealed record PolicyVerdict
{
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>Y9.2: the regime in force at the instant.</summary>
    public required ApprovalRegime Regime { get; init; }
    /// <summary>Y9.2: set when the approver is entitled (stage Approve).</summary>
    public ApproverDecision? Approver { get; init; }
    /// <summary>Y9.4: when it would go out; null when it cannot.</summary>
    public SendDecision? Send { get; init; }
    public IReadOnlyList<string> SendAreas { get; init; } = [];
    public DistributionRequestDecision? DistributionRequest { get; init; }
    public IReadOnlyList<string> ShareRequests { get; init; } = [];
    /// <summary>T4(2): the unit to ask for the Yahoo!防災速報 relay, when eligible.</summary>
    public string? YahooRelayTo { get; init; }
    public bool ResolutionOwed { get; init; }
    public PasswordExpiredDecision? PasswordExpired { get; init; }
    public IReadOnlyList<string> Disposable { get; init; } = [];

    public bool Blocked => Findings.Any(f => f.Severity == Severity.Block);
    public IEnumerable<Finding> Blocks => Findings.Where(f => f.Severity == Severity.Block);
    public IEnumerable<Finding> Warnings => Findings.Where(f => f.Severity == Severity.Warn);
    public bool YahooRelayEligible => YahooRelayTo is not null;

    /// <summary>Y9.3, Y9.4: the alert may be handed to delivery at this instant.</summary>
    public bool MaySendNow => !Blocked && Send is { Timing: SendTiming.Now or SendTiming.Emergency };

    public bool Has(string code) => Findings.Any(f => f.Code == code);
}
