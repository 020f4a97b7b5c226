using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y9.4: send now inside hours; hold until 06:00 outside, unless the distributor judged all four conditions.</summary>
public class SendingHoursRuleTests
{
    private static PolicyVerdict SendApproved(DateTimeOffset at, EmergencyFact? emergency = null)
    {
        var d = Draft();
        return Send(d, Approval(Distributor(), d), at, emergency);
    }

    [Fact]
    public void Y9_4_At215959_SendsNow() =>
        Assert.Equal(SendTiming.Now, SendApproved(Jst(2026, 11, 27, 21, 59, 59)).Send!.Timing);

    [Fact]
    public void Y9_4_At2200_HoldsUntilNext0600()
    {
        var v = SendApproved(Jst(2026, 11, 27, 22));
        Assert.Equal(new SendDecision(SendTiming.Hold, Jst(2026, 11, 28, 6)), v.Send);
        Assert.False(v.MaySendNow);
        Assert.False(v.Blocked);
    }

    [Fact]
    public void Y9_4_At0600_SendsNow() => Assert.True(SendApproved(Jst(2026, 11, 28, 6)).MaySendNow);

    [Fact]
    public void Y9_4_FullEmergencyByDistributor_SendsNowAtNight()
    {
        var v = SendApproved(Jst(2026, 11, 27, 23), new EmergencyFact(Distributor(), AllEmergencyConditions));
        Assert.Equal(SendTiming.Emergency, v.Send!.Timing);
        Assert.True(v.MaySendNow);
    }

    [Fact]
    public void Y9_4_EmergencyMissingACondition_IsRefused()
    {
        var three = AllEmergencyConditions.Skip(1).ToHashSet();
        var v = SendApproved(Jst(2026, 11, 27, 23), new EmergencyFact(Distributor(), three));
        Assert.True(v.Has("send.emergency-not-justified"));
        Assert.False(v.MaySendNow);
    }

    [Fact]
    public void Y9_4_EmergencyDecidedByDutyOfficer_IsRefused()
    {
        var v = SendApproved(Jst(2026, 11, 27, 23), new EmergencyFact(DutyOfficer(), AllEmergencyConditions));
        Assert.True(v.Has("send.emergency-not-justified"));
        Assert.False(v.MaySendNow);
    }

    [Fact]
    public void Y9_4_EmergencyByAnotherUnitsDistributor_IsRefused() =>
        Assert.True(SendApproved(Jst(2026, 11, 27, 23), new EmergencyFact(Distributor("suzaka"), AllEmergencyConditions))
            .Has("send.emergency-not-justified"));
}
