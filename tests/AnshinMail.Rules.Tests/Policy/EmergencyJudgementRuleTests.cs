using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>
/// Y9.4 ただし書き, Y9.3: outside hours the judgement is the distributor's (「情報配信者が認めた」) and the
/// registering and sending is staff's (「職員は…登録・配信を行う」). Only the judge's role and unit, and the
/// operator's unit, decide; the verdict's decision itself is checked, not only whether it may send now.
/// </summary>
public class EmergencyJudgementRuleTests
{
    private static readonly DateTimeOffset Night = Jst(2026, 11, 27, 23, 30);

    private static PolicyVerdict SendAtNight(Person operatedBy, Person judge, IReadOnlySet<string>? conditions = null)
    {
        var d = Draft();
        return Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Send,
            At = Night,
            Actor = operatedBy,
            Draft = d,
            Approval = Approval(Distributor(), d),
            Emergency = new EmergencyFact(judge, conditions ?? AllEmergencyConditions),
        });
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("duty")]
    [InlineData("pr")]
    public void Y9_3_Y9_4_StaffOfTheUnitOnTheDistributorsJudgement_EmergencyDecisionAt2330(string who)
    {
        var operatedBy = who switch { "duty" => DutyOfficer(), "pr" => PrOfficer(), _ => Staff() };
        var v = SendAtNight(operatedBy, Distributor());
        Assert.Equal(new SendDecision(SendTiming.Emergency, Night), v.Send);
        Assert.False(v.Blocked);
    }

    [Fact]
    public void Y9_4_JudgeIsAnotherUnitsDistributor_NoEmergencyDecision()
    {
        var v = SendAtNight(Staff(), Distributor("suzaka", "head-suzaka"));
        Assert.Null(v.Send);
        Assert.True(v.Has("send.emergency-not-justified"));
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("duty")]
    [InlineData("pr")]
    public void Y9_4_JudgeIsNotADistributor_NoEmergencyDecision(string who)
    {
        var judge = who switch { "duty" => DutyOfficer(), "pr" => PrOfficer(), _ => Staff(id: "staff2") };
        var v = SendAtNight(Staff(), judge);
        Assert.Null(v.Send);
        Assert.True(v.Has("send.emergency-not-justified"));
    }

    [Fact]
    public void Y9_4_JudgementMissingACondition_NoEmergencyDecision()
    {
        var v = SendAtNight(Staff(), Distributor(), AllEmergencyConditions.Skip(1).ToHashSet());
        Assert.Null(v.Send);
        Assert.True(v.Has("send.emergency-not-justified"));
    }

    [Fact]
    public void Y9_3_OperatorOfAnotherUnit_NoEmergencyDecision()
    {
        var v = SendAtNight(Staff("suzaka", "staff-suzaka"), Distributor());
        Assert.Null(v.Send);
        Assert.True(v.Has("send.emergency-not-justified"));
    }
}
