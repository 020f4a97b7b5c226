namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// T5 (feeds): the CAP 1.2 &lt;info&gt; values of one kind of message, as public alert aggregators read
/// them. Each value is one of CAP's enumeration, never Unknown (validated at load).
/// </summary>
public record CapInfoSettings
{
    /// <summary>CAP &lt;responseType&gt; (Prepare, Avoid, Monitor, AllClear, …).</summary>
    public required string ResponseType { get; init; }
    /// <summary>CAP &lt;urgency&gt; (Immediate, Expected, Future, Past).</summary>
    public required string Urgency { get; init; }
    /// <summary>CAP &lt;severity&gt; (Extreme, Severe, Moderate, Minor).</summary>
    public required string Severity { get; init; }
    /// <summary>CAP &lt;certainty&gt; (Observed, Likely, Possible, Unlikely).</summary>
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
    /// <summary>The public &lt;headline&gt; of the Cancel, in place of the withdrawn alert's subject.</summary>
    public required string Headline { get; init; }
    /// <summary>The public &lt;description&gt; of the Cancel, in place of the withdrawn alert's text.</summary>
    public required string Description { get; init; }
}
