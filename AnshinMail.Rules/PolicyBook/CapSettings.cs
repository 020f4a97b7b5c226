namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// T5 (feeds): the CAP 1.2 &lt;info&gt; values of one kind of message, as public alert aggregators read
/// them. Each value is one of CAP's enumeration, never Unknown (validated at load).
/// </summary>
public record CapInfoSettings
{
    public required string ResponseType { get; init; }
    public required string Urgency { get; init; }
    public required string Severity { get; init; }
    public required string Certainty { get; init; }
    /// <summary>&lt;instruction&gt; when the draft gives no advice (呼びかけ) of its own.</summary>
    public required string Instruction { get; init; }
}

/// <summary>
/// The CAP Cancel of a withdrawn alert: the withdrawn text stays hidden from the public, so the Cancel
/// says this instead.
/// </summary>
public sealed record CapWithdrawalSettings : CapInfoSettings
{
    public required string Headline { get; init; }
    public required string Description { get; init; }
}
