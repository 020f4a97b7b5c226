using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y9.4: send now inside hours; hold until the book's opening (06:00 in Nagano, 07:00 in the sample book)
/// outside, unless the distributor judged all four conditions. Over both books of rules/.</summary>
public class SendingHoursRuleTests
{
    public static TheoryData<string> Books => BookCases.Both;

    private static PolicyVerdict SendApproved(BookCases b, DateTimeOffset at, EmergencyFact? emergency = null)
    {
        var d = b.Draft();
        return b.Send(d, b.Approval(b.Distributor(), d), at, emergency);
    }

    private static DateTimeOffset Night(BookCases b) => BookCases.On(2026, 11, 27, b.Closes).AddHours(1);

    [Fact]
    public void Y9_4_At2200_HoldsUntilNext0600_Nagano()
    {
        var v = SendApproved(BookCases.Nagano, Jst(2026, 11, 27, 22));
        Assert.Equal(new SendDecision(SendTiming.Hold, Jst(2026, 11, 28, 6)), v.Send);
    }

    [Fact]
    public void Y9_4_At2100_HoldsUntilNext0700_Sample()
    {
        var v = SendApproved(BookCases.Sample, Jst(2026, 11, 27, 21));
        Assert.Equal(new SendDecision(SendTiming.Hold, Jst(2026, 11, 28, 7)), v.Send);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_LastSecondBeforeClosing_SendsNow(string name)
    {
        var b = BookCases.Named(name);
        var at = BookCases.On(2026, 11, 27, b.Closes).AddSeconds(-1);
        Assert.Equal(SendTiming.Now, SendApproved(b, at).Send!.Timing);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_AtClosing_HoldsUntilNextOpening(string name)
    {
        var b = BookCases.Named(name);
        var v = SendApproved(b, BookCases.On(2026, 11, 27, b.Closes));
        Assert.Equal(new SendDecision(SendTiming.Hold, BookCases.On(2026, 11, 28, b.Opens)), v.Send);
        Assert.False(v.MaySendNow);
        Assert.False(v.Blocked);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_AtOpening_SendsNow(string name)
    {
        var b = BookCases.Named(name);
        Assert.True(SendApproved(b, BookCases.On(2026, 11, 28, b.Opens)).MaySendNow);
        Assert.False(SendApproved(b, BookCases.On(2026, 11, 28, b.Opens).AddSeconds(-1)).MaySendNow);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_FullEmergencyByDistributor_SendsNowAtNight(string name)
    {
        var b = BookCases.Named(name);
        var v = SendApproved(b, Night(b), new EmergencyFact(b.Distributor(), b.AllEmergencyConditions));
        Assert.Equal(SendTiming.Emergency, v.Send!.Timing);
        Assert.True(v.MaySendNow);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_EmergencyMissingACondition_IsRefused(string name)
    {
        var b = BookCases.Named(name);
        var three = b.AllEmergencyConditions.Skip(1).ToHashSet();
        var v = SendApproved(b, Night(b), new EmergencyFact(b.Distributor(), three));
        Assert.True(v.Has("send.emergency-not-justified"));
        Assert.False(v.MaySendNow);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_EmergencyDecidedByDutyOfficer_IsRefused(string name)
    {
        var b = BookCases.Named(name);
        var v = SendApproved(b, Night(b), new EmergencyFact(b.DutyOfficer(), b.AllEmergencyConditions));
        Assert.True(v.Has("send.emergency-not-justified"));
        Assert.False(v.MaySendNow);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_4_EmergencyByAnotherUnitsDistributor_IsRefused(string name)
    {
        var b = BookCases.Named(name);
        var other = new EmergencyFact(b.Distributor(b.Neighbour.Id), b.AllEmergencyConditions);
        Assert.True(SendApproved(b, Night(b), other).Has("send.emergency-not-justified"));
    }
}
