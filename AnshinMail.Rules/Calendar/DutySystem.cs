using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Calendar;

/// <summary>
/// Y9.2: the night/holiday duty system (当直体制). In force all day on non-working days
/// (the book's weekdays, public holidays, the year-end break), and on working days before
/// the day starts or after it ends.
/// </summary>
public sealed class DutySystem(DutySystemSettings settings, PublicHolidays holidays, TimeZoneInfo zone)
{
    /// <summary>Y9.2: whether the duty system is in force at <paramref name="instant"/>.</summary>
    public bool IsInForce(DateTimeOffset instant)
    {
        var local = LocalTime.Of(instant, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (!IsWorkingDay(date)) return true;
        var time = TimeOnly.FromDateTime(local);
        return time >= settings.WeekdayStart || time < settings.WeekdayEnd;
    }

    /// <summary>Whether <paramref name="date"/> is a working day: not one of the book's all-day weekdays, a public
    /// holiday or the year-end break.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        !settings.AllDayWeekdays.Contains(date.DayOfWeek) &&
        !(settings.PublicHolidays && holidays.IsHoliday(date)) &&
        !MonthDay.InRange(date, settings.YearEndFrom, settings.YearEndTo);
}
