using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>T5: who mails to residents come from.</summary>
public sealed record SenderSettings
{
    /// <summary>The sender's display name in the From header (e.g. 長野県警察 ライポくん安心メール).</summary>
    public required string DisplayName { get; init; }
    /// <summary>The sender's address in the From header; its domain is <see cref="PolicyBook.SenderDomain"/>.</summary>
    public required string Address { get; init; }
    /// <summary>The List-Id of the mailing list (RFC 2919), e.g. <c>anshin-mail.example.jp</c>.</summary>
    public required string ListId { get; init; }
}

/// <summary>Y11.2, Y11.3: the template files (in the book's templates folder) of follow-ups and of the common
/// footer.</summary>
public sealed record FollowUpTemplateSettings
{
    /// <summary>The template of a resolution (解除) of an incident alert.</summary>
    public required string Resolution { get; init; }
    /// <summary>The template of a correction (訂正) of a sent alert.</summary>
    public required string Correction { get; init; }
    /// <summary>The template of the footer appended to every message (contacts, unsubscribe).</summary>
    public required string Footer { get; init; }
}

/// <summary>Y9.4: sending hours, start inclusive, end exclusive, in the book's time zone.</summary>
public sealed record SendingHoursSettings
{
    /// <summary>The first local time alerts may go out, inclusive (e.g. 06:00).</summary>
    public required TimeOnly Start { get; init; }
    /// <summary>The local time from which alerts are held, exclusive (e.g. 22:00).</summary>
    public required TimeOnly End { get; init; }
}

/// <summary>Y9.2: when the night/holiday duty system (当直体制) is in force.</summary>
public sealed record DutySystemSettings
{
    /// <summary>On weekdays, the local time the duty system starts (e.g. 17:15).</summary>
    public required TimeOnly WeekdayStart { get; init; }
    /// <summary>On weekdays, the local time the duty system ends the next morning (e.g. 08:30).</summary>
    public required TimeOnly WeekdayEnd { get; init; }
    /// <summary>Weekdays on which the duty system is in force all day (e.g. Saturday and Sunday).</summary>
    public required IReadOnlyList<DayOfWeek> AllDayWeekdays { get; init; }
    /// <summary>Whether the duty system is in force all day on public holidays.</summary>
    public required bool PublicHolidays { get; init; }
    /// <summary>The first day of the year-end holidays, all day under the duty system (e.g. 12-29).</summary>
    public required MonthDay YearEndFrom { get; init; }
    /// <summary>The last day of the year-end holidays, inclusive (e.g. 01-03).</summary>
    public required MonthDay YearEndTo { get; init; }
}

/// <summary>Whether a <see cref="HolidayOverride"/> adds a holiday or removes one the Holiday Act would give.</summary>
public enum HolidayOverrideKind
{
    /// <summary>The date is a holiday, though the Holiday Act does not make it one.</summary>
    Add,
    /// <summary>The date is not a holiday, though the Holiday Act makes it one (a moved holiday's old date).</summary>
    Remove,
}

/// <summary>One-off holidays (e.g. 2019's enthronement) and moved ones (2020, 2021 Olympics).</summary>
public sealed record HolidayOverride
{
    /// <summary>The date added or removed.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Whether the date is added or removed.</summary>
    public required HolidayOverrideKind Kind { get; init; }
    /// <summary>The holiday's Japanese name (e.g. 国民の休日), shown where the calendar names days.</summary>
    public required string Name { get; init; }
}

/// <summary>Y6.3 and the lockout the security manager sets under Y5.1(2)ウ.</summary>
public sealed record PasswordPolicySettings
{
    /// <summary>The minimum number of characters of a password.</summary>
    public required int MinLength { get; init; }
    /// <summary>Whether a password must contain a letter.</summary>
    public required bool RequireLetter { get; init; }
    /// <summary>Whether a password must contain a digit.</summary>
    public required bool RequireDigit { get; init; }
    /// <summary>Days a password stays valid before it must be changed.</summary>
    public required int ValidDays { get; init; }
    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public required int LockoutThreshold { get; init; }
    /// <summary>Minutes an account stays locked after <see cref="LockoutThreshold"/> failures.</summary>
    public required int LockoutMinutes { get; init; }
    /// <summary>Minutes of inactivity after which a staff session ends.</summary>
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
    /// <summary>Calendar years a ledger record is kept after the end of its own year.</summary>
    public required int CalendarYears { get; init; }
}

/// <summary>Y9.2: the book's approval rules.</summary>
public sealed record ApprovalSettings
{
    /// <summary>Y9.2: whether the approver of a draft must be someone other than its author.</summary>
    public required bool ApproverMustDifferFromAuthor { get; init; }
    /// <summary>Y9.2 ただし書き: whether the PR officer (広報活動責任者) approves, with a report afterwards, when the
    /// distributor is absent outside the duty system; false leaves the distributor the only approver by day.</summary>
    public required bool PrOfficerApprovesWhenDistributorAbsent { get; init; }
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
    /// <summary>The statement's stable id, recorded with the approval or emergency send that confirmed it.</summary>
    public required string Id { get; init; }
    /// <summary>The statement in Japanese, as the person who confirms it reads it.</summary>
    public required string Text { get; init; }
}

/// <summary>Y11.1: the word lists the privacy text checks use.</summary>
public sealed record PrivacyCheckSettings
{
    /// <summary>Honorifics after a name (さん, 君, 氏, …): a name followed by one is flagged as personal
    /// information.</summary>
    public required IReadOnlyList<string> Honorifics { get; init; }
    /// <summary>Words ending like an honorific that are not names (e.g. 皆さん), never flagged.</summary>
    public required IReadOnlyList<string> HonorificExclusions { get; init; }
    /// <summary>Endings of school names (小学校, 中学校, …): a named school is flagged.</summary>
    public required IReadOnlyList<string> SchoolSuffixes { get; init; }
}
