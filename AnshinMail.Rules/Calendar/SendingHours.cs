using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Calendar;

/// <summary>Y9.4: the daily window in which alerts go out; start inclusive, end exclusive, local time.</summary>
public sealed class SendingHours(SendingHoursSettings settings, TimeZoneInfo zone)
{
    /// <summary>The first local time alerts may go out, inclusive.</summary>
    public TimeOnly Start => settings.Start;
    /// <summary>The local time from which alerts are held, exclusive.</summary>
    public TimeOnly End => settings.End;

    /// <summary>Whether <paramref name="instant"/> falls inside sending hours (local time).</summary>
    public bool Contains(DateTimeOffset instant) =>
        Contains(TimeOnly.FromDateTime(LocalTime.Of(instant, zone).DateTime));

    /// <summary>Whether the local time <paramref name="local"/> falls inside sending hours.</summary>
    public bool Contains(TimeOnly local) => local >= settings.Start && local < settings.End;

    /// <summary>The earliest opening (start of hours) at or after <paramref name="instant"/>; the instant itself when
    /// inside.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        if (Contains(instant)) return instant;
        var local = LocalTime.Of(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= settings.End) date = date.AddDays(1);
        return LocalTime.At(date, settings.Start, zone);
    }
}
