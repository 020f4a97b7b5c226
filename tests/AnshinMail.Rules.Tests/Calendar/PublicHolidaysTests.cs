using System.Globalization;

namespace AnshinMail.Rules.Tests.Calendar;

public class PublicHolidaysTests
{
    /// <summary>The holiday-jp list (Cabinet Office holidays) in shared/data.</summary>
    private static readonly Dictionary<DateOnly, string> Official = File.ReadLines(Path.Combine(TestBook.SharedPath, "data", "jp-holidays.yml"))
        .Where(l => l.Length > 11 && char.IsDigit(l[0]))
        .ToDictionary(l => DateOnly.ParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), l => l[12..].Trim());

    [Theory]
    [InlineData(1980, 2050)]
    public void EveryDay_MatchesCabinetOfficeList(int from, int to)
    {
        var holidays = TestBook.Calendar.Holidays;
        var mismatches = new List<string>();
        for (var d = new DateOnly(from, 1, 1); d <= new DateOnly(to, 12, 31); d = d.AddDays(1))
            if (holidays.IsHoliday(d) != Official.ContainsKey(d))
                mismatches.Add($"{d:yyyy-MM-dd} ours={holidays.NameOf(d)} official={Official.GetValueOrDefault(d)}");
        Assert.Empty(mismatches);
    }

    /// <summary>The names too: an embedder shows them. The list writes a substitute day as "元日 振替休日" and a
    /// day between two holidays as "休日"; the one-off days of 2019 come from the book's overrides.</summary>
    [Theory]
    [InlineData(1980, 2050)]
    public void EveryHoliday_HasTheListsName(int from, int to)
    {
        var holidays = TestBook.Calendar.Holidays;
        var mismatches = new List<string>();
        foreach (var (date, official) in Official.Where(o => o.Key.Year >= from && o.Key.Year <= to))
        {
            var ours = holidays.NameOf(date);
            var fits = official switch
            {
                "休日" => ours == "国民の休日",
                "休日（祝日扱い）" => ours?.StartsWith("休日（", StringComparison.Ordinal) == true,
                "体育の日（スポーツの日）" => ours == "体育の日",
                _ when official.EndsWith(" 振替休日", StringComparison.Ordinal) => ours == "振替休日",
                _ => ours == official,
            };
            if (!fits) mismatches.Add($"{date:yyyy-MM-dd} ours={ours} official={official}");
        }
        Assert.Empty(mismatches);
    }

    /// <summary>The law renamed 体育の日 スポーツの日 from 2020; the books move 2020's day by an override, so the
    /// rename is checked on the law alone.</summary>
    [Fact]
    public void TheSportsDay_IsRenamedFrom2020()
    {
        var law = new AnshinMail.Rules.Calendar.PublicHolidays([]);
        Assert.Equal("体育の日", law.NameOf(new DateOnly(2019, 10, 14)));
        Assert.Equal("スポーツの日", law.NameOf(new DateOnly(2020, 10, 12)));
    }

    [Theory]
    [InlineData(1980)]
    [InlineData(2099)]
    public void RangeEnds_AreComputed(int year) =>
        Assert.Contains(new DateOnly(year, 1, 1), TestBook.Calendar.Holidays.Of(year).Keys);

    [Theory]
    [InlineData(1979)]
    [InlineData(2100)]
    public void OutsideTheRange_IsRefusedInJapanese(int year)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TestBook.Calendar.Holidays.Of(year));
        Assert.Contains("1980年から2099年", e.Message);
    }

    [Theory]
    [InlineData("1989-02-24", "大喪の礼")]
    [InlineData("1990-11-12", "即位礼正殿の儀")]
    [InlineData("1993-06-09", "結婚の儀")]
    [InlineData("1988-05-04", "国民の休日")]
    [InlineData("1999-07-20", "海の日")]
    [InlineData("1998-01-15", "成人の日")]
    [InlineData("1985-04-29", "天皇誕生日")]
    [InlineData("2026-09-22", "国民の休日")]
    [InlineData("2026-05-06", "振替休日")]
    [InlineData("2025-11-24", "振替休日")]
    [InlineData("2019-05-01", "休日（即位の日）")]
    [InlineData("2021-08-09", "振替休日")]
    [InlineData("2026-09-21", "敬老の日")]
    [InlineData("2026-03-20", "春分の日")]
    [InlineData("2026-09-23", "秋分の日")]
    public void KnownDays_HaveTheirNames(string date, string name) =>
        Assert.Equal(name, TestBook.Calendar.Holidays.NameOf(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2020-07-20")]
    [InlineData("2021-10-11")]
    [InlineData("2026-09-24")]
    public void MovedOrOrdinaryDays_AreNotHolidays(string date) =>
        Assert.False(TestBook.Calendar.Holidays.IsHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
}
