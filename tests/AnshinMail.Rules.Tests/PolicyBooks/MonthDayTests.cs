using System.Globalization;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests.PolicyBooks;

/// <summary>Y9.2: the year-end break as a day range of the book, both ends included, also over new year.</summary>
public class MonthDayTests
{
    private static readonly MonthDay From = new(12, 29), To = new(1, 3);

    [Theory]
    [InlineData("2026-12-28", false)]
    [InlineData("2026-12-29", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", true)]
    [InlineData("2027-01-03", true)]
    [InlineData("2027-01-04", false)]
    [InlineData("2027-06-15", false)]
    public void Y9_2_WrappingRange_IncludesBothEnds(string date, bool inside) =>
        Assert.Equal(inside, MonthDay.InRange(DateOnly.Parse(date, CultureInfo.InvariantCulture), From, To));

    [Theory]
    [InlineData("2027-08-12", false)]
    [InlineData("2027-08-13", true)]
    [InlineData("2027-08-16", true)]
    [InlineData("2027-08-17", false)]
    public void Y9_2_PlainRange_IncludesBothEnds(string date, bool inside) =>
        Assert.Equal(inside, MonthDay.InRange(
            DateOnly.Parse(date, CultureInfo.InvariantCulture), new(8, 13), new(8, 16)));

    [Theory]
    [InlineData("02-29", 2, 29)]
    [InlineData("12-31", 12, 31)]
    public void Parse_ReadsMonthAndDay(string text, int month, int day) =>
        Assert.Equal(new MonthDay(month, day), MonthDay.Parse(text));

    [Theory]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("1-3")]
    [InlineData("")]
    public void Parse_RefusesInJapanese(string text)
    {
        var e = Assert.Throws<System.Text.Json.JsonException>(() => MonthDay.Parse(text));
        Assert.Contains("MM-dd 形式", e.Message);
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public void Order_IsByMonthThenDay()
    {
        Assert.True(new MonthDay(1, 31) < new MonthDay(2, 1));
        Assert.True(new MonthDay(2, 1) > new MonthDay(1, 31));
        Assert.True(new MonthDay(3, 3) <= new MonthDay(3, 3));
        Assert.True(new MonthDay(3, 3) >= new MonthDay(3, 3));
        Assert.False(new MonthDay(3, 4) <= new MonthDay(3, 3));
        Assert.Equal("01-03", new MonthDay(1, 3).ToString());
    }
}
