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
    public required string Prefecture { get; init; }
    public required string SystemName { get; init; }
    public required SenderSettings Sender { get; init; }
    /// <summary>T5: the registration address (empty mail) and the terms and privacy texts.</summary>
    public required RegistrationSettings Registration { get; init; }
    public required string TimeZone { get; init; }
    public required string Templates { get; init; }
    public required FollowUpTemplateSettings FollowUpTemplates { get; init; }
    public required SendingHoursSettings SendingHours { get; init; }
    public required DutySystemSettings DutySystem { get; init; }
    public required IReadOnlyList<HolidayOverride> HolidayOverrides { get; init; }
    public required PasswordPolicySettings PasswordPolicy { get; init; }
    public required RetentionSettings Retention { get; init; }
    public required ApprovalSettings Approval { get; init; }
    public required OfficeSettings Offices { get; init; }
    public required IReadOnlyList<Statement> EmergencyConditions { get; init; }
    public required IReadOnlyList<Statement> PrivacyConfirmations { get; init; }
    public required PrivacyCheckSettings PrivacyChecks { get; init; }
    public required IReadOnlyList<CategoryDefinition> Categories { get; init; }
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

    [JsonIgnore] public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public CategoryDefinition Category(string id) =>
        Categories.FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"情報種別 '{id}' は政策ブックにありません。");

    public UnitDefinition Unit(string id) =>
        Units.FirstOrDefault(u => u.Id == id)
        ?? throw new KeyNotFoundException($"所属 '{id}' は政策ブックにありません。");

    public UnitDefinition? FindUnit(string id) => Units.FirstOrDefault(u => u.Id == id);

    public IEnumerable<UnitDefinition> Stations => Units.Where(u => u.Kind == UnitKind.Station);

    /// <summary>T3(2): the HQ divisions a writer may name as division in charge of the case.</summary>
    public IEnumerable<UnitDefinition> Divisions => Units.Where(u => u.Kind == UnitKind.HqDivision);

    /// <summary>The domain residents must allow mail from (their carrier's domain filter), T5.</summary>
    [JsonIgnore] public string SenderDomain => Sender.Address[(Sender.Address.LastIndexOf('@') + 1)..];

    /// <summary>Every area (municipality or part of one) named in any station's jurisdiction.</summary>
    public IEnumerable<string> AllAreas => Stations.SelectMany(s => s.Jurisdiction).Distinct();
}
