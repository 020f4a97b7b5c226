using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Calendar;

/// <summary>Y9.2: weekdays 17:15 → 08:30, all day on weekends, holidays and 29 Dec – 3 Jan.</summary>
public class DutySystemTests
{
    public static TheoryData<DateTimeOffset, bool> Instants => new()
    {
        { Jst(2026, 11, 27, 17, 14, 59), false }, // Friday before 17:15
        { Jst(2026, 11, 27, 17, 15), true },
        { Jst(2026, 11, 26, 8, 29, 59), true },   // Thursday early morning
        { Jst(2026, 11, 26, 8, 30), false },
        { Jst(2026, 11, 28, 12), true },          // Saturday
        { Jst(2026, 11, 29, 12), true },          // Sunday
        { Jst(2026, 11, 23, 12), true },          // Monday, 勤労感謝の日
        { Jst(2026, 11, 24, 8, 0), true },        // after the holiday, before the day starts
        { Jst(2026, 9, 22, 12), true },           // 国民の休日
        { Jst(2026, 12, 29, 12), true },          // Tuesday, year-end
        { Jst(2027, 1, 3, 12), true },
        { Jst(2027, 1, 4, 12), false },           // Monday, first working day
        { Jst(2026, 12, 28, 12), false },
        { Jst(2029, 1, 3, 12), true },            // Wednesday, last day of the break
        { Jst(2029, 1, 4, 12), false },           // Thursday after it
        { Jst(2030, 1, 2, 9), true },             // Wednesday inside the break, in office hours
        { Jst(2027, 12, 29, 9), true },           // Wednesday, first day of the break, in office hours
        { Jst(2027, 12, 28, 9), false },          // Tuesday before it
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void Y9_2_DutySystemInForce(DateTimeOffset at, bool expected) =>
        Assert.Equal(expected, TestBook.Calendar.DutySystem.IsInForce(at));
}
