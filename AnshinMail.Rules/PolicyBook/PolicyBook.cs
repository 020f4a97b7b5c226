using System.Text.Json.Serialization;
using AnshinMail.Rules.Geography;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// A prefecture's policy as data: everything REQUIREMENTS.md says a prefecture may set differently.
/// Loaded and validated by <see cref="PolicyBookLoader"/>; immutable afterwards.
/// </summary>
public sealed record PolicyBook
{
    /// <summary>The book's JSON Schema (<see cref="PolicyBookSchema.FileName"/>), for editors; not read by the
    /// loader.</summary>
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    /// <summary>The prefecture's name (e.g. 長野県), used in mails, pages and feeds.</summary>
    public required string Prefecture { get; init; }
    /// <summary>The name of the service as residents know it (e.g. ライポくん安心メール).</summary>
    public required string SystemName { get; init; }
    /// <summary>T5: the From address, display name and List-Id of every mail to residents.</summary>
    public required SenderSettings Sender { get; init; }
    /// <summary>T5: the registration address (empty mail) and the terms and privacy texts.</summary>
    public required RegistrationSettings Registration { get; init; }
    /// <summary>The IANA time zone of every policy time (Asia/Tokyo); see <see cref="Zone"/>.</summary>
    public required string TimeZone { get; init; }
    /// <summary>The templates folder, relative to the book; see <see cref="TemplatesDirectory"/>.</summary>
    public required string Templates { get; init; }
    /// <summary>Y11.2, Y11.3: the templates of resolutions, corrections and the footer of every message.</summary>
    public required FollowUpTemplateSettings FollowUpTemplates { get; init; }
    /// <summary>Y9.4: the hours in which alerts may go out without an emergency judgement.</summary>
    public required SendingHoursSettings SendingHours { get; init; }
    /// <summary>Y9.2: when the night and holiday duty system (当直体制) is in force.</summary>
    public required DutySystemSettings DutySystem { get; init; }
    /// <summary>Public holidays added to or removed from the Holiday Act's (one-off and moved holidays).</summary>
    public required IReadOnlyList<HolidayOverride> HolidayOverrides { get; init; }
    /// <summary>Y6.3: password rules, lockout and session timeout.</summary>
    public required PasswordPolicySettings PasswordPolicy { get; init; }
    /// <summary>Y10: how long ledger records are kept.</summary>
    public required RetentionSettings Retention { get; init; }
    /// <summary>Y9.2: the approval rules of the book.</summary>
    public required ApprovalSettings Approval { get; init; }
    /// <summary>Which units play the prefecture-wide parts (security manager, Yahoo! relay, duty desk,
    /// 広報相談課).</summary>
    public required OfficeSettings Offices { get; init; }
    /// <summary>Y9.4 ただし書き: the conditions a distributor confirms for an emergency send outside sending
    /// hours.</summary>
    public required IReadOnlyList<Statement> EmergencyConditions { get; init; }
    /// <summary>Y11.1: the statements an approver confirms about personal information before approving.</summary>
    public required IReadOnlyList<Statement> PrivacyConfirmations { get; init; }
    /// <summary>Y11.1: the word lists the privacy warnings on a draft's text use.</summary>
    public required PrivacyCheckSettings PrivacyChecks { get; init; }
    /// <summary>T2 / Y8: the categories of alert, in the order staff and residents see them.</summary>
    public required IReadOnlyList<CategoryDefinition> Categories { get; init; }
    /// <summary>Every unit of the prefecture: HQ divisions, the HQ duty desk and the police stations.</summary>
    public required IReadOnlyList<UnitDefinition> Units { get; init; }
    /// <summary>Municipality codes (JIS X 0402) of areas, for CAP geocodes; areas without one are described by name
    /// only.</summary>
    public IReadOnlyDictionary<string, string> AreaCodes { get; init; } = new Dictionary<string, string>();
    /// <summary>やさしい日本語: the readings (hiragana) of areas, shown as furigana on the easy resident pages; an area
    /// without one is shown as written.</summary>
    public IReadOnlyDictionary<string, string> AreaReadings { get; init; } = new Dictionary<string, string>();
    /// <summary>T5: the municipal boundaries for maps and CAP polygons; null draws no map.</summary>
    public required GeographySettings? Geography { get; init; }
    /// <summary>Y11.2, T5: CAP values of a resolution (解除), an Update with responseType AllClear.</summary>
    public required CapInfoSettings CapResolution { get; init; }
    /// <summary>T5: CAP values and public text of the Cancel that replaces a withdrawn alert.</summary>
    public required CapWithdrawalSettings CapWithdrawal { get; init; }

    /// <summary>Y15: the values that are not from the seed, marked 要確認 (to confirm) for the security manager.
    /// </summary>
    public required IReadOnlyList<ToConfirmItem> ToConfirm { get; init; }

    /// <summary>The file the book was loaded from (absolute), for messages and relative paths.</summary>
    [JsonIgnore] public string SourcePath { get; init; } = "";

    /// <summary>The templates folder, absolute.</summary>
    [JsonIgnore]
    public string TemplatesDirectory =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourcePath) ?? ".", Templates));

    /// <summary>The common-password list the book names, absolute; null when it names none.</summary>
    [JsonIgnore]
    public string? DenyListPath => PasswordPolicy.DenyListFile is { } file
        ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourcePath) ?? ".", file))
        : null;

    /// <summary>The boundary file the book names, absolute; null when it names none.</summary>
    [JsonIgnore]
    public string? BoundariesPath => Geography is { } g
        ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourcePath) ?? ".", g.Boundaries))
        : null;

    /// <summary>The municipalities of <see cref="Geography"/>, read at load (none without it).</summary>
    [JsonIgnore] public Boundaries Boundaries { get; init; } = Boundaries.None;

    /// <summary>Loads and validates the book at <paramref name="path"/>; see <see cref="PolicyBookLoader"/>.</summary>
    public static PolicyBook Load(string path) => PolicyBookLoader.Load(path);

    /// <summary>The book's time zone, resolved from <see cref="TimeZone"/>.</summary>
    [JsonIgnore] public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The category with this id; throws <see cref="KeyNotFoundException"/> (Japanese message) when the book
    /// has none.</summary>
    public CategoryDefinition Category(string id) =>
        Categories.FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"情報種別 '{id}' は政策ブックにありません。");

    /// <summary>The unit with this id; throws <see cref="KeyNotFoundException"/> (Japanese message) when the book has
    /// none.</summary>
    public UnitDefinition Unit(string id) =>
        Units.FirstOrDefault(u => u.Id == id)
        ?? throw new KeyNotFoundException($"所属 '{id}' は政策ブックにありません。");

    /// <summary>The unit with this id, or null when the book has none.</summary>
    public UnitDefinition? FindUnit(string id) => Units.FirstOrDefault(u => u.Id == id);

    /// <summary>The police stations of the book, the units that own areas (jurisdictions).</summary>
    [JsonIgnore] public IEnumerable<UnitDefinition> Stations => Units.Where(u => u.Kind == UnitKind.Station);

    /// <summary>T3(2): the HQ divisions a writer may name as division in charge of the case.</summary>
    [JsonIgnore] public IEnumerable<UnitDefinition> Divisions => Units.Where(u => u.Kind == UnitKind.HqDivision);

    /// <summary>The domain residents must allow mail from (their carrier's domain filter), T5.</summary>
    [JsonIgnore] public string SenderDomain => Sender.Address[(Sender.Address.LastIndexOf('@') + 1)..];

    /// <summary>Every area (municipality or part of one) named in any station's jurisdiction.</summary>
    [JsonIgnore] public IEnumerable<string> AllAreas => Stations.SelectMany(s => s.Jurisdiction).Distinct();
}
