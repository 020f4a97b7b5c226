using AnshinMail.Rules.Calendar;
using AnshinMail.Rules.PolicyBooks;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Calendar;

/// <summary>Y9.4: the book's sending hours (Nagano 06:00–22:00, the sample 07:00–21:00) in Japan time, start
/// inclusive, end exclusive, whatever the instant's offset.</summary>
public class SendingHoursTests
{
    public static TheoryData<string> Books => BookCases.Both;

    [Theory]
    [InlineData(21, 59, 59, true)]
    [InlineData(22, 0, 0, false)]
    [InlineData(6, 0, 0, true)]
    [InlineData(5, 59, 59, false)]
    [InlineData(0, 0, 0, false)]
    [InlineData(12, 0, 0, true)]
    public void Y9_4_Boundaries_Nagano(int h, int m, int s, bool inside) =>
        Assert.Equal(inside, TestBook.Calendar.SendingHours.Contains(Jst(2026, 11, 27, h, m, s)));

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_Boundaries_FromTheBook(string name)
    {
        var b = BookCases.Named(name);
        var hours = b.Calendar.SendingHours;
        var opens = BookCases.On(2026, 11, 27, b.Opens);
        var closes = BookCases.On(2026, 11, 27, b.Closes);
        Assert.True(hours.Contains(opens));
        Assert.False(hours.Contains(opens.AddSeconds(-1)));
        Assert.True(hours.Contains(closes.AddSeconds(-1)));
        Assert.False(hours.Contains(closes));
        Assert.False(hours.Contains(Jst(2026, 11, 27, 0)));
        Assert.True(hours.Contains(Jst(2026, 11, 27, 12)));
    }

    [Fact]
    public void Y9_4_SampleBook_Opens0700_Closes2100()
    {
        var hours = BookCases.Sample.Calendar.SendingHours;
        Assert.False(hours.Contains(Jst(2026, 11, 27, 6, 59, 59)));
        Assert.True(hours.Contains(Jst(2026, 11, 27, 7)));
        Assert.True(hours.Contains(Jst(2026, 11, 27, 20, 59, 59)));
        Assert.False(hours.Contains(Jst(2026, 11, 27, 21)));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_SameInstantInUtc_IsJudgedInJapanTime(string name)
    {
        var b = BookCases.Named(name);
        var utc = BookCases.On(2026, 11, 27, b.Closes).ToUniversalTime().AddSeconds(-1);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.True(b.Calendar.SendingHours.Contains(utc));
        Assert.False(b.Calendar.SendingHours.Contains(utc.AddSeconds(1)));
    }

    [Theory]
    [InlineData(22, 0, 2026, 11, 28)]
    [InlineData(23, 30, 2026, 11, 28)]
    [InlineData(3, 0, 2026, 11, 27)]
    [InlineData(5, 59, 2026, 11, 27)]
    public void Y9_4_NextOpening_IsTheNext0600_Nagano(int h, int m, int y, int mo, int d) =>
        Assert.Equal(Jst(y, mo, d, 6), TestBook.Calendar.SendingHours.NextOpening(Jst(2026, 11, 27, h, m)));

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_NextOpening_IsTheBooksNextOpening(string name)
    {
        var b = BookCases.Named(name);
        var hours = b.Calendar.SendingHours;
        var closes = BookCases.On(2026, 11, 27, b.Closes);
        Assert.Equal(BookCases.On(2026, 11, 28, b.Opens), hours.NextOpening(closes));
        Assert.Equal(BookCases.On(2026, 11, 28, b.Opens), hours.NextOpening(Jst(2026, 11, 27, 23, 30)));
        Assert.Equal(BookCases.On(2026, 11, 27, b.Opens), hours.NextOpening(Jst(2026, 11, 27, 3)));
        var justBefore = BookCases.On(2026, 11, 27, b.Opens).AddMinutes(-1);
        Assert.Equal(BookCases.On(2026, 11, 27, b.Opens), hours.NextOpening(justBefore));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_NextOpening_InsideHours_IsNow(string name) =>
        Assert.Equal(Jst(2026, 11, 27, 9),
            BookCases.Named(name).Calendar.SendingHours.NextOpening(Jst(2026, 11, 27, 9)));

    /// <summary>Y9.4 in a book whose zone has summer time (the validator accepts any zone): on the night the clocks
    /// go back the next opening is the first time the opening hour is reached, on the night they go forward the
    /// first minute of the day that exists after it.</summary>
    [Fact]
    public void Y9_4_NextOpening_InAZoneWithSummerTime_IsTheFirstOpening()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var settings = new SendingHoursSettings { Start = new TimeOnly(1, 30), End = new TimeOnly(22, 0) };
        var hours = new SendingHours(settings, london);
        // 25 October 2026: 01:30 comes twice, first in summer time (+01:00), an hour later at +00:00.
        var opening = hours.NextOpening(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), opening.ToUniversalTime());
        // 29 March 2026: 01:00-02:00 does not exist; the first minute after 01:30 is 02:00 summer time.
        opening = hours.NextOpening(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), opening.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), opening.Offset);
    }
}
