using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

public class LifecycleTests
{
    [Fact]
    public void DraftApproveSend_InWorkingHours_SendsNowWithYahooRelay()
    {
        var draft = Draft();
        Assert.False(Preview(draft).Blocked);
        var approval = Approval(Distributor(), draft);
        var approved = Approve(draft, approval);
        Assert.False(approved.Blocked, string.Join("\n", approved.Findings));
        Assert.Equal(new ApproverDecision(ApprovalRegime.Distributor, false), approved.Approver);
        var sent = Send(draft, approval);
        Assert.True(sent.MaySendNow, string.Join("\n", sent.Findings));
        Assert.Equal("seikatsu-anzen-kikaku", sent.YahooRelayTo);
        Assert.Equal(["長野市北部"], sent.SendAreas);
    }
}
