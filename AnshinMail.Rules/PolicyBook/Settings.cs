using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

public sealed record SenderSettings
{
    public required string DisplayName { get; init; }
    public required string Address { get; init; }
    public required string ListId { get; init; }
}

public sealed record FollowUpTemplateSettings
{
    public required string Resolution { get; init; }
    public required string Correction { get; init; }
    public required string Footer { get; init; }
}

/// <summary>Y9.4: sending hours, start inclusive, end exclusive, in the book's time zone.</summary>
public sealed record SendingHoursSettings
{
    public required TimeOnly Start { get; init; }
    public required TimeOnly End { get; init; }
}

/// <summary>Y9.2: when the night/holiday duty system (当直体制) is in force.</summary>
public sealed record DutySystemSettings
{
    public required TimeOnly WeekdayStart { get; init; }
    public required TimeOnly WeekdayEnd { get; init; }
    public required IReadOnlyList<DayOfWeek> AllDayWeekdays { get; init; }
    public required bool PublicHolidays { get; init; }
    public required MonthDay YearEndFrom { get; init; }
    public required MonthDay YearEndTo { get; init; }
}

public enum HolidayOverrideKind { Add, Remove }

/// <summary>One-off holidays (e.g. 2019's enthronement) and moved ones (2020, 2021 Olympics).</summary>
public sealed record HolidayOverride
{
    public required DateOnly Date { get; init; }
    public required HolidayOverrideKind Kind { get; init; }
    public required string Name { get; init; }
}

/// <summary>Y6.3 and the lockout the security manager sets under Y5.1(2)ウ.</summary>
public sealed record PasswordPolicySettings
{
    public required int MinLength { get; init; }
    public required bool RequireLetter { get; init; }
    public required bool RequireDigit { get; init; }
    public required int ValidDays { get; init; }
    public required int LockoutThreshold { get; init; }
    public required int LockoutMinutes { get; init; }
    public required int SessionTimeoutMinutes { get; init; }
    /// <summary>Beyond the minimum: a file of common passwords to refuse, relative to the book, or null.</summary>
    public required string? DenyListFile { get; init; }

    /// <summary>The passwords of <see cref="DenyListFile"/>, compared ignoring case; read at load.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> DeniedPasswords { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Y10: kept for this many calendar years after the year of the record.</summary>
public sealed record RetentionSettings
{
    public required int CalendarYears { get; init; }
}

public sealed record ApprovalSettings
{
    public required bool ApproverMustDifferFromAuthor { get; init; }
}

/// <summary>Which units play the prefecture-wide parts.</summary>
public sealed record OfficeSettings
{
    /// <summary>Y5.1: the security manager's division (also receives abnormality reports).</summary>
    public required string SecurityManagerUnit { get; init; }
    /// <summary>T4(2): the division asked to relay to Yahoo!防災速報.</summary>
    public required string YahooRelayUnit { get; init; }
    /// <summary>T3(2): takes distribution requests at night and on holidays.</summary>
    public required string DutyDeskUnit { get; init; }
    /// <summary>Y11.1: consulted when in doubt.</summary>
    public required string PrConsultationUnit { get; init; }
}

/// <summary>A statement someone confirms: an emergency condition or a privacy confirmation.</summary>
public sealed record Statement
{
    public required string Id { get; init; }
    public required string Text { get; init; }
}

/// <summary>Y11.1: the word lists the privacy text checks use.</summary>
public sealed record PrivacyCheckSettings
{
    public required IReadOnlyList<string> Honorifics { get; init; }
    public required IReadOnlyList<string> HonorificExclusions { get; init; }
    public required IReadOnlyList<string> SchoolSuffixes { get; init; }
}
