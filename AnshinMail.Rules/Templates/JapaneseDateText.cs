namespace AnshinMail.Rules.Templates;

/// <summary>Dates as Japanese police alerts write them: 「11月27日（金）午後3時30分」.</summary>
public static class JapaneseDateText
{
    private static readonly string[] Weekdays = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>「11月27日」: the day a resolution names its case by (Y11.2).</summary>
    public static string MonthDay(DateTimeOffset local) => $"{local.Month}月{local.Day}日";

    /// <summary>「11月27日（金）」</summary>
    public static string Date(DateTimeOffset local) =>
        $"{local.Month}月{local.Day}日（{Weekdays[(int)local.DayOfWeek]}）";

    /// <summary>「午後3時30分」, 「午前0時」 for midnight, 「午後0時」 for noon.</summary>
    public static string Time(DateTimeOffset local)
    {
        var half = local.Hour < 12 ? "午前" : "午後";
        var hour = local.Hour % 12;
        return local.Minute == 0 ? $"{half}{hour}時" : $"{half}{hour}時{local.Minute}分";
    }

    /// <summary>Date and time as residents read them: 「11月27日（金）午後3時30分」.</summary>
    public static string DateTime(DateTimeOffset local) => Date(local) + Time(local);

    /// <summary>
    /// 「2026年11月28日（土）11:42」: an instant as staff screens and the ledger show it, in the book's time zone
    /// (<paramref name="zone"/>), whatever the server's zone; the one form every staff page uses.
    /// </summary>
    public static string Stamp(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = Calendar.LocalTime.Of(at, zone);
        return $"{local.Year}年{Date(local)}{local.Hour:00}:{local.Minute:00}";
    }
}
