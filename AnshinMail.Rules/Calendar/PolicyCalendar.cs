using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Calendar;

/// <summary>All of a policy book's time rules, built once per book.</summary>
public sealed class PolicyCalendar
{
    public PolicyCalendar(PolicyBook book)
    {
        Zone = book.Zone;
        Holidays = new PublicHolidays(book.HolidayOverrides);
        SendingHours = new SendingHours(book.SendingHours, Zone);
        DutySystem = new DutySystem(book.DutySystem, Holidays, Zone);
    }

    public TimeZoneInfo Zone { get; }
    public PublicHolidays Holidays { get; }
    public SendingHours SendingHours { get; }
    public DutySystem DutySystem { get; }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => LocalTime.Of(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The current instant, from the given clock, in local time.</summary>
    public DateTimeOffset Now(TimeProvider clock) => ToLocal(clock.GetUtcNow());
}
