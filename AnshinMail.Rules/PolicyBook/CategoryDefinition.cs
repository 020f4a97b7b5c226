using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

[JsonConverter(typeof(JsonStringEnumConverter<YahooRelayMode>))]
public enum YahooRelayMode
{
    [JsonStringEnumMemberName("always")] Always,
    [JsonStringEnumMemberName("physical-harm-only")] PhysicalHarmOnly,
    [JsonStringEnumMemberName("never")] Never,
}

[JsonConverter(typeof(JsonStringEnumConverter<Sex>))]
public enum Sex
{
    [JsonStringEnumMemberName("female")] Female,
    [JsonStringEnumMemberName("male")] Male,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

/// <summary>Y8: who the victim of an alert of this category may be. Null bounds mean no bound.</summary>
public sealed record VictimConstraint
{
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public Sex? Sex { get; init; }

    public bool Admits(int? age, Sex? sex) =>
        (MinAge is null || (age is { } a1 && a1 >= MinAge)) &&
        (MaxAge is null || (age is { } a2 && a2 <= MaxAge)) &&
        (Sex is null || sex == Sex);
}

/// <summary>T2 / Y8: one category of alert.</summary>
public sealed record CategoryDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Definition { get; init; }
    /// <summary>やさしい日本語: the name's reading in hiragana, shown as furigana on the easy resident pages; none
    /// shows the name as written.</summary>
    public string? Reading { get; init; }
    /// <summary>やさしい日本語: the definition in plain words for the easy resident pages, <c>{漢字|かんじ}</c> marking
    /// furigana; none shows no definition there.</summary>
    public string? EasyDefinition { get; init; }
    public required string Template { get; init; }
    public required VictimConstraint? Victim { get; init; }
    /// <summary>Y8: a victim entered here who fits a victim-defined category (a child, a woman) gets a warning
    /// naming it; the other way round, a victim-defined category already blocks a victim who does not fit.</summary>
    public required bool VictimFitWarning { get; init; }
    public required string DivisionInCharge { get; init; }
    public required YahooRelayMode YahooRelay { get; init; }
    public required bool ResolutionTracked { get; init; }
    /// <summary>CAP 1.2 &lt;category&gt; of this category's alerts (Security, Safety, Transport, Met, …); "Other" when
    /// not set.</summary>
    public string CapCategory { get; init; } = "Other";
    /// <summary>CAP &lt;responseType&gt; of its alerts and corrections (Prepare, Avoid, Monitor, …).</summary>
    public required string CapResponseType { get; init; }
    public required string CapUrgency { get; init; }
    public required string CapSeverity { get; init; }
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
