using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Calendar;

/// <summary>Y9.2 over both books of rules/: the duty system's evening, morning, all-day weekdays, year-end break and
/// holiday overrides are the book's (Nagano: 17:15–08:30, Saturdays and Sundays, 29 Dec–3 Jan; the sample book:
/// 18:00–08:00, Sundays only, 30 Dec–2 Jan, its own 県民の日 and a 文化の日 taken away).</summary>
public class DutySystemBothBooksTests
{
    public static TheoryData<string> Books => BookCases.Both;

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_WeekdayEveningAndMorning_AreTheBooks(string name)
    {
        var b = BookCases.Named(name);
        var duty = b.Calendar.DutySystem;
        var evening = BookCases.On(2026, 11, 26, b.Book.DutySystem.WeekdayStart); // Thursday
        var morning = BookCases.On(2026, 11, 26, b.Book.DutySystem.WeekdayEnd);
        Assert.True(duty.IsInForce(evening));
        Assert.False(duty.IsInForce(evening.AddSeconds(-1)));
        Assert.True(duty.IsInForce(morning.AddSeconds(-1)));
        Assert.False(duty.IsInForce(morning));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_AllDayWeekdays_AreTheBooks(string name)
    {
        var b = BookCases.Named(name);
        for (var day = 0; day < 7; day++)
        {
            var noon = Jst(2026, 11, 29, 12).AddDays(day); // Sunday 29 Nov 2026 onwards: no holiday that week
            var allDay = b.Book.DutySystem.AllDayWeekdays.Contains(noon.DayOfWeek);
            Assert.Equal(allDay, b.Calendar.DutySystem.IsInForce(noon));
        }
    }

    [Fact]
    public void Y9_2_SaturdayNoon_IsDutyInNagano_AndAWorkingDayInTheSampleBook()
    {
        Assert.True(BookCases.Nagano.Calendar.DutySystem.IsInForce(Jst(2026, 11, 28, 12)));
        Assert.False(BookCases.Sample.Calendar.DutySystem.IsInForce(Jst(2026, 11, 28, 12)));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_TheYearEndBreak_IsTheBooks(string name)
    {
        var b = BookCases.Named(name);
        var from = b.Book.DutySystem.YearEndFrom;
        var to = b.Book.DutySystem.YearEndTo;
        var first = Jst(2027, from.Month, from.Day, 9);
        var last = Jst(2028, to.Month, to.Day, 9);
        Assert.True(b.Calendar.DutySystem.IsInForce(first));
        Assert.True(b.Calendar.DutySystem.IsInForce(last));
        Assert.False(b.Calendar.DutySystem.IsInForce(first.AddDays(-1)));  // Tuesday 28 or Wednesday 29 Dec 2027
        Assert.False(b.Calendar.DutySystem.IsInForce(last.AddDays(1)));    // a weekday in January 2028
    }

    /// <summary>Y9.2: each book's holiday overrides are holidays (or not) under their names, and only in that
    /// book.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_TheBooksHolidayOverrides_Apply(string name)
    {
        var b = BookCases.Named(name);
        foreach (var o in b.Book.HolidayOverrides)
        {
            var added = o.Kind == AnshinMail.Rules.PolicyBooks.HolidayOverrideKind.Add;
            Assert.Equal(added, b.Calendar.Holidays.IsHoliday(o.Date));
            if (added) Assert.Equal(o.Name, b.Calendar.Holidays.NameOf(o.Date));
        }
    }

    [Fact]
    public void Y9_2_TheSamplesHolidays_AreNotNaganos()
    {
        var kenminNoHi = new DateOnly(2026, 6, 15);  // the sample's fictional 県民の日, a Monday
        var bunkaNoHi = new DateOnly(2026, 11, 3);   // taken away by the sample book
        Assert.True(BookCases.Sample.Calendar.Holidays.IsHoliday(kenminNoHi));
        Assert.False(BookCases.Nagano.Calendar.Holidays.IsHoliday(kenminNoHi));
        Assert.False(BookCases.Sample.Calendar.Holidays.IsHoliday(bunkaNoHi));
        Assert.True(BookCases.Nagano.Calendar.Holidays.IsHoliday(bunkaNoHi));
        Assert.True(BookCases.Sample.Calendar.DutySystem.IsInForce(Jst(2026, 6, 15, 12)));
        Assert.False(BookCases.Sample.Calendar.DutySystem.IsInForce(Jst(2026, 11, 3, 12)));
    }
}
