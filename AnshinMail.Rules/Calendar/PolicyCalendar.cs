using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Calendar;

/// <summary>All of a policy book's time rules, built once per book.</summary>
public sealed class PolicyCalendar
{
    /// <summary>Builds the holidays, sending hours and duty system of <paramref name="book"/>.</summary>
    public PolicyCalendar(PolicyBook book)
    {
        Zone = book.Zone;
        Holidays = new PublicHolidays(book.HolidayOverrides);
        SendingHours = new SendingHours(book.SendingHours, Zone);
        DutySystem = new DutySystem(book.DutySystem, Holidays, Zone);
    }

    /// <summary>The book's time zone (Japan time).</summary>
    public TimeZoneInfo Zone { get; }
    /// <summary>The public holidays, with the book's overrides.</summary>
    public PublicHolidays Holidays { get; }
    /// <summary>Y9.4: the book's sending hours.</summary>
    public SendingHours SendingHours { get; }
    /// <summary>Y9.2: the book's duty system.</summary>
    public DutySystem DutySystem { get; }

    /// <summary><paramref name="instant"/> in the book's time zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => LocalTime.Of(instant, Zone);

    /// <summary>The local calendar date of <paramref name="instant"/> in the book's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The current instant, from the given clock, in local time.</summary>
    public DateTimeOffset Now(TimeProvider clock) => ToLocal(clock.GetUtcNow());
}
