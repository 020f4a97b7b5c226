using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y9.3: sending needs an approval of exactly this content.</summary>
public class RecheckTests
{
    [Fact]
    public void Y9_3_SendWithoutApproval_IsBlocked()
    {
        var v = Send(Draft(), approval: null);
        Assert.True(v.Has("send.not-approved"));
        Assert.False(v.MaySendNow);
    }

    [Fact]
    public void Y9_3_EditAfterApproval_VoidsIt()
    {
        var original = Draft();
        var approval = Approval(Distributor(), original);
        var edited = Draft(fields: Fields with { Place = "長野市大字南長野" });
        Assert.NotEqual(original.ContentHash, edited.ContentHash);
        var v = Send(edited, approval);
        Assert.True(v.Has("send.approval-stale"));
        Assert.False(v.MaySendNow);
    }

    [Fact]
    public void Y9_3_ChangingTargetAreas_AlsoVoidsIt()
    {
        var original = Draft();
        var moved = Draft(areas: ["長野市北部", "信濃町"]);
        Assert.True(Send(moved, Approval(Distributor(), original)).Has("send.approval-stale"));
    }
}
