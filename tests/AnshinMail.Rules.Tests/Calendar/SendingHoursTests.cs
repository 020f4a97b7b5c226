using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Calendar;

/// <summary>Y9.4: 06:00–22:00 Japan time, start inclusive, end exclusive, whatever the instant's offset.</summary>
public class SendingHoursTests
{
    [Theory]
    [InlineData(21, 59, 59, true)]
    [InlineData(22, 0, 0, false)]
    [InlineData(6, 0, 0, true)]
    [InlineData(5, 59, 59, false)]
    [InlineData(0, 0, 0, false)]
    [InlineData(12, 0, 0, true)]
    public void Y9_4_Boundaries(int h, int m, int s, bool inside) =>
        Assert.Equal(inside, TestBook.Calendar.SendingHours.Contains(Jst(2026, 11, 27, h, m, s)));

    [Fact]
    public void Y9_4_SameInstantInUtc_IsJudgedInJapanTime()
    {
        var utc = new DateTimeOffset(2026, 11, 27, 12, 59, 59, TimeSpan.Zero); // 21:59:59 JST
        Assert.True(TestBook.Calendar.SendingHours.Contains(utc));
        Assert.False(TestBook.Calendar.SendingHours.Contains(utc.AddSeconds(1)));
    }

    [Theory]
    [InlineData(22, 0, 2026, 11, 28)]
    [InlineData(23, 30, 2026, 11, 28)]
    [InlineData(3, 0, 2026, 11, 27)]
    [InlineData(5, 59, 2026, 11, 27)]
    public void Y9_4_NextOpening_IsTheNext0600(int h, int m, int y, int mo, int d) =>
        Assert.Equal(Jst(y, mo, d, 6), TestBook.Calendar.SendingHours.NextOpening(Jst(2026, 11, 27, h, m)));

    [Fact]
    public void Y9_4_NextOpening_InsideHours_IsNow() =>
        Assert.Equal(Jst(2026, 11, 27, 9), TestBook.Calendar.SendingHours.NextOpening(Jst(2026, 11, 27, 9)));
}
