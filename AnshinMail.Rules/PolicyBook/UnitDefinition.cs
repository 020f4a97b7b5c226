using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

[JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
public enum UnitKind
{
    [JsonStringEnumMemberName("hq-division")] HqDivision,
    [JsonStringEnumMemberName("duty-desk")] DutyDesk,
    [JsonStringEnumMemberName("station")] Station,
}

/// <summary>Y11.4: a neighbouring station and the own areas that border it.</summary>
public sealed record Neighbour
{
    public required string Unit { get; init; }
    /// <summary>Own areas along that border; empty means the whole jurisdiction borders it.</summary>
    public required IReadOnlyList<string> BorderAreas { get; init; }

    public bool Borders(string? area) => area is null || BorderAreas.Count == 0 || BorderAreas.Contains(area);
}

/// <summary>所属: an HQ division, the HQ duty desk, or a police station.</summary>
public sealed record UnitDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>やさしい日本語: the name's reading in hiragana, shown as furigana on the easy resident pages; none
    /// shows the name as written.</summary>
    public string? Reading { get; init; }
    public required UnitKind Kind { get; init; }
    public required string Phone { get; init; }
    public required IReadOnlyList<string> Jurisdiction { get; init; }
    public required IReadOnlyList<Neighbour> Neighbours { get; init; }

    public bool IsHq => Kind != UnitKind.Station;
}
