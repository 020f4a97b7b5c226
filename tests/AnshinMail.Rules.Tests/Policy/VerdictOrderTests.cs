using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>What pages rely on when they show a verdict: blocks first, and no null where a list is expected.</summary>
public class VerdictOrderTests
{
    [Fact]
    public void Y11_1_BlocksComeBeforeWarnings_WhateverOrderTheRulesFired()
    {
        var d = Draft(fields: Fields with { WhatHappened = "城山小学校の山田花子さんが声をかけられました。" });
        var v = Approve(d, Approval(Distributor(), d, confirmations: new HashSet<string>()));
        Assert.NotEmpty(v.Blocks);
        Assert.NotEmpty(v.Warnings);
        var severities = v.Findings.Select(f => f.Severity).ToList();
        Assert.Equal(severities.OrderDescending(), severities);
        Assert.Equal(Severity.Block, v.Findings[0].Severity);
    }

    [Fact]
    public void Y9_4_AVerdictWithoutADraft_HasNoSendAreas_ButAnEmptyList()
    {
        var v = Evaluate(new PolicyCase { Stage = PolicyStage.Draft, At = WorkingHours, Actor = Staff(Station) });
        Assert.NotNull(v.SendAreas);
        Assert.Empty(v.SendAreas);
        Assert.Empty(v.ShareRequests);
        Assert.Empty(v.Disposable);
        Assert.Null(v.Send);
    }
}
