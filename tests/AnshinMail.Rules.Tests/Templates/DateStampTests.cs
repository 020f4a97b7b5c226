using AnshinMail.Rules.Templates;

namespace AnshinMail.Rules.Tests.Templates;

/// <summary>Y9.4: staff screens show instants in the book's time zone, in the Japanese form the mails use.</summary>
public sealed class DateStampTests
{
    [Theory]
    [InlineData(2026, 11, 28, 2, 42, "2026年11月28日（土）11:42")]
    [InlineData(2026, 12, 31, 15, 5, "2027年1月1日（金）00:05")]
    public void Y9_4_Stamp_IsJapanTime_WhateverTheInstantsOffset(int y, int mo, int d, int h, int mi, string expected) =>
        Assert.Equal(expected, JapaneseDateText.Stamp(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.Zero),
            TestBook.Book.Zone));

    /// <summary>Residents read the weekday in the date of every alert: each of the seven, Sunday to Saturday.</summary>
    [Fact]
    public void T3_EveryWeekdayIsNamed_InTheDateResidentsRead()
    {
        var sunday = new DateTimeOffset(2026, 11, 22, 15, 30, 0, TimeSpan.FromHours(9));
        var dates = Enumerable.Range(0, 7).Select(i => JapaneseDateText.Date(sunday.AddDays(i)));
        Assert.Equal(["11月22日（日）", "11月23日（月）", "11月24日（火）", "11月25日（水）", "11月26日（木）",
            "11月27日（金）", "11月28日（土）"], dates);
        Assert.Equal("11月22日（日）午後3時30分", JapaneseDateText.DateTime(sunday));
    }
}
