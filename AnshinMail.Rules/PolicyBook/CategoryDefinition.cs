using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>T4(2): whether alerts of a category are relayed to Yahoo!防災速報 (written in the book as always,
/// physical-harm-only, never).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<YahooRelayMode>))]
public enum YahooRelayMode
{
    /// <summary>Every alert of the category is relayed.</summary>
    [JsonStringEnumMemberName("always")] Always,
    /// <summary>Only alerts whose draft records physical harm (T4(2)) are relayed.</summary>
    [JsonStringEnumMemberName("physical-harm-only")] PhysicalHarmOnly,
    /// <summary>No alert of the category is relayed.</summary>
    [JsonStringEnumMemberName("never")] Never,
}

/// <summary>Y8: the victim's sex, as a category's victim constraint and a draft's victim record state it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sex>))]
public enum Sex
{
    /// <summary>Female (女性).</summary>
    [JsonStringEnumMemberName("female")] Female,
    /// <summary>Male (男性).</summary>
    [JsonStringEnumMemberName("male")] Male,
    /// <summary>Not known or not stated.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
}

/// <summary>Y8: who the victim of an alert of this category may be. Null bounds mean no bound.</summary>
public sealed record VictimConstraint
{
    /// <summary>The youngest victim age the category admits, inclusive; null: no lower bound.</summary>
    public int? MinAge { get; init; }
    /// <summary>The oldest victim age the category admits, inclusive; null: no upper bound.</summary>
    public int? MaxAge { get; init; }
    /// <summary>The only victim sex the category admits; null: any.</summary>
    public Sex? Sex { get; init; }

    /// <summary>Whether a victim of this age and sex fits; an unknown age or sex fails any bound on it.</summary>
    public bool Admits(int? age, Sex? sex) =>
        (MinAge is null || (age is { } a1 && a1 >= MinAge)) &&
        (MaxAge is null || (age is { } a2 && a2 <= MaxAge)) &&
        (Sex is null || sex == Sex);
}

/// <summary>T2 / Y8: one category of alert.</summary>
public sealed record CategoryDefinition
{
    /// <summary>The category's stable id (e.g. <c>child-safety</c>), stored on drafts, alerts and
    /// subscriptions.</summary>
    public required string Id { get; init; }
    /// <summary>The category's Japanese name as staff and residents read it (e.g. 子ども・女性の安全).</summary>
    public required string Name { get; init; }
    /// <summary>T2: the definition of what the category covers, shown to writers when they choose one.</summary>
    public required string Definition { get; init; }
    /// <summary>やさしい日本語: the name's reading in hiragana, shown as furigana on the easy resident pages; none
    /// shows the name as written.</summary>
    public string? Reading { get; init; }
    /// <summary>やさしい日本語: the definition in plain words for the easy resident pages, <c>{漢字|かんじ}</c> marking
    /// furigana; none shows no definition there.</summary>
    public string? EasyDefinition { get; init; }
    /// <summary>The Scriban template (a file in the book's templates folder) that renders the category's
    /// messages.</summary>
    public required string Template { get; init; }
    /// <summary>Y8: who the victim may be; null when the category has no victim constraint.</summary>
    public required VictimConstraint? Victim { get; init; }
    /// <summary>Y8: a victim entered here who fits a victim-defined category (a child, a woman) gets a warning
    /// naming it; the other way round, a victim-defined category already blocks a victim who does not fit.</summary>
    public required bool VictimFitWarning { get; init; }
    /// <summary>T3(2): the id of the HQ division in charge of the category's cases, unless the draft names
    /// another.</summary>
    public required string DivisionInCharge { get; init; }
    /// <summary>T4(2): which of the category's alerts go to Yahoo!防災速報.</summary>
    public required YahooRelayMode YahooRelay { get; init; }
    /// <summary>Y11.2: whether an alert of the category stays open until a resolution (解除) is sent or it is
    /// closed.</summary>
    public required bool ResolutionTracked { get; init; }
    /// <summary>CAP 1.2 &lt;category&gt; of this category's alerts (Security, Safety, Transport, Met, …); "Other" when
    /// not set.</summary>
    public string CapCategory { get; init; } = "Other";
    /// <summary>CAP &lt;responseType&gt; of its alerts and corrections (Prepare, Avoid, Monitor, …).</summary>
    public required string CapResponseType { get; init; }
    /// <summary>CAP &lt;urgency&gt; of its alerts and corrections.</summary>
    public required string CapUrgency { get; init; }
    /// <summary>CAP &lt;severity&gt; of its alerts and corrections.</summary>
    public required string CapSeverity { get; init; }
    /// <summary>CAP &lt;certainty&gt; of its alerts and corrections.</summary>
    public required string CapCertainty { get; init; }
    /// <summary>CAP &lt;expires&gt; of the category's messages: this many hours after their &lt;sent&gt;.</summary>
    public required int CapExpiresHours { get; init; }
    /// <summary>CAP &lt;instruction&gt; when the draft gives no advice: the category's standing advice.</summary>
    public required string CapInstruction { get; init; }

    /// <summary>The CAP values of the category's alerts and corrections, in the shape follow-ups use.</summary>
    [JsonIgnore]
    public CapInfoSettings CapInfo => new()
    {
        ResponseType = CapResponseType,
        Urgency = CapUrgency,
        Severity = CapSeverity,
        Certainty = CapCertainty,
        Instruction = CapInstruction,
    };
}
