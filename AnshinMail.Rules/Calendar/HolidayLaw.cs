namespace AnshinMail.Rules.Calendar;

/// <summary>The named days of 国民の祝日に関する法律 Art. 2 for one year, with the dates of each amendment.</summary>
internal static class HolidayLaw
{
    public readonly record struct NamedDay(DateOnly Date, string Name);

    public static IEnumerable<NamedDay> NamedDays(int y)
    {
        yield return Day(y, 1, 1, "元日");
        yield return y >= 2000 ? new(NthMonday(y, 1, 2), "成人の日") : Day(y, 1, 15, "成人の日");
        yield return Day(y, 2, 11, "建国記念の日");
        if (y >= 2020) yield return Day(y, 2, 23, "天皇誕生日");
        yield return Day(y, 3, VernalEquinox(y), "春分の日");
        yield return Day(y, 4, 29, y >= 2007 ? "昭和の日" : y >= 1989 ? "みどりの日" : "天皇誕生日");
        yield return Day(y, 5, 3, "憲法記念日");
        if (y >= 2007) yield return Day(y, 5, 4, "みどりの日");
        yield return Day(y, 5, 5, "こどもの日");
        if (y >= 2003) yield return new(NthMonday(y, 7, 3), "海の日");
        else if (y >= 1996) yield return Day(y, 7, 20, "海の日");
        if (y >= 2016) yield return Day(y, 8, 11, "山の日");
        if (y >= 2003) yield return new(NthMonday(y, 9, 3), "敬老の日");
        else yield return Day(y, 9, 15, "敬老の日");
        yield return Day(y, 9, AutumnalEquinox(y), "秋分の日");
        var sportsName = y >= 2020 ? "スポーツの日" : "体育の日";
        yield return y >= 2000 ? new(NthMonday(y, 10, 2), sportsName) : Day(y, 10, 10, sportsName);
        yield return Day(y, 11, 3, "文化の日");
        yield return Day(y, 11, 23, "勤労感謝の日");
        if (y is >= 1989 and <= 2018) yield return Day(y, 12, 23, "天皇誕生日");
        foreach (var d in OneOffDays.Where(d => d.Date.Year == y)) yield return d;
    }

    /// <summary>
    /// Days made holidays by their own acts before this system's time (大喪の礼, 即位礼正殿の儀, 結婚の儀). Later ones
    /// (2019–2021) are the policy book's overrides, so an installation can add a new one without a release.
    /// </summary>
    private static readonly NamedDay[] OneOffDays =
    [
        Day(1989, 2, 24, "大喪の礼"),
        Day(1990, 11, 12, "即位礼正殿の儀"),
        Day(1993, 6, 9, "結婚の儀"),
    ];

    /// <summary>The usual approximation of the 国立天文台 figures, valid 1980–2099.</summary>
    public static int VernalEquinox(int y) => (int)(20.8431 + 0.242194 * (y - 1980)) - (y - 1980) / 4;

    public static int AutumnalEquinox(int y) => (int)(23.2488 + 0.242194 * (y - 1980)) - (y - 1980) / 4;

    private static NamedDay Day(int y, int m, int d, string name) => new(new DateOnly(y, m, d), name);

    private static DateOnly NthMonday(int y, int month, int n)
    {
        var first = new DateOnly(y, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }
}
