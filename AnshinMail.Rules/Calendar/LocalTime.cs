namespace AnshinMail.Rules.Calendar;

/// <summary>Conversions between instants and the policy book's local time (Japan time for Nagano).</summary>
internal static class LocalTime
{
    public static DateTimeOffset Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The instant at which the local clock shows <paramref name="time"/> on <paramref name="date"/>
    /// (the first such instant; for a skipped local time, the moment the clock jumps past it).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
