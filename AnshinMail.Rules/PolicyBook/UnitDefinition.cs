using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>What kind of unit (所属) a <see cref="UnitDefinition"/> is (written hq-division, duty-desk,
/// station).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
public enum UnitKind
{
    /// <summary>A division of prefectural police HQ (本部の所属).</summary>
    [JsonStringEnumMemberName("hq-division")] HqDivision,
    /// <summary>The HQ duty desk (総合当直), which takes requests at night and on holidays.</summary>
    [JsonStringEnumMemberName("duty-desk")] DutyDesk,
    /// <summary>A police station (警察署), which owns a jurisdiction.</summary>
    [JsonStringEnumMemberName("station")] Station,
}

/// <summary>Y11.4: a neighbouring station and the own areas that border it.</summary>
public sealed record Neighbour
{
    /// <summary>The id of the neighbouring station.</summary>
    public required string Unit { get; init; }
    /// <summary>Own areas along that border; empty means the whole jurisdiction borders it.</summary>
    public required IReadOnlyList<string> BorderAreas { get; init; }

    /// <summary>Whether <paramref name="area"/> borders that station; an unknown area (null) or an empty list counts as
    /// bordering.</summary>
    public bool Borders(string? area) => area is null || BorderAreas.Count == 0 || BorderAreas.Contains(area);
}

/// <summary>所属: an HQ division, the HQ duty desk, or a police station.</summary>
public sealed record UnitDefinition
{
    /// <summary>The unit's stable id (e.g. <c>nagano-chuo</c>), stored on accounts, drafts and alerts.</summary>
    public required string Id { get; init; }
    /// <summary>The unit's Japanese name as staff and residents read it (e.g. 長野中央警察署).</summary>
    public required string Name { get; init; }
    /// <summary>やさしい日本語: the name's reading in hiragana, shown as furigana on the easy resident pages; none
    /// shows the name as written.</summary>
    public string? Reading { get; init; }
    /// <summary>Whether the unit is an HQ division, the duty desk or a station.</summary>
    public required UnitKind Kind { get; init; }
    /// <summary>The unit's phone number, printed as the contact in its messages.</summary>
    public required string Phone { get; init; }
    /// <summary>The areas (municipalities or parts of one) the station is responsible for; empty for HQ
    /// units.</summary>
    public required IReadOnlyList<string> Jurisdiction { get; init; }
    /// <summary>Y11.4: the stations that border this one, and along which areas.</summary>
    public required IReadOnlyList<Neighbour> Neighbours { get; init; }

    /// <summary>Whether the unit belongs to HQ (a division or the duty desk), i.e. is not a station.</summary>
    [JsonIgnore] public bool IsHq => Kind != UnitKind.Station;
}
