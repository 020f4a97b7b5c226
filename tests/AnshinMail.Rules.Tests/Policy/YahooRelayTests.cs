using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>T4(2): child and women safety always; crime prevention only with physical harm; others never.</summary>
public class YahooRelayTests
{
    [Theory]
    [InlineData("child-safety", PhysicalHarm.None, true)]
    [InlineData("women-safety", PhysicalHarm.None, true)]
    [InlineData("crime-prevention", PhysicalHarm.None, false)]
    [InlineData("crime-prevention", PhysicalHarm.Weapon, true)]
    [InlineData("crime-prevention", PhysicalHarm.DangerousAnimal, true)]
    [InlineData("traffic-safety", PhysicalHarm.Weapon, false)]
    [InlineData("disaster", PhysicalHarm.None, false)]
    [InlineData("notice", PhysicalHarm.None, false)]
    public void T4_2_Eligibility(string category, PhysicalHarm harm, bool eligible)
    {
        var victim = category == "women-safety" ? new Victim(25, Sex.Female) : null;
        var v = Preview(Draft(category, victim: victim, harm: harm));
        Assert.Equal(eligible, v.YahooRelayEligible);
        if (eligible) Assert.Equal(TestBook.Book.Offices.YahooRelayUnit, v.YahooRelayTo);
    }

    [Fact]
    public void T4_2_OtherPhysicalHarm_WithItsReason_IsRelayed()
    {
        var v = Preview(Draft("crime-prevention", harm: PhysicalHarm.Other) with { HarmReason = "不審者が鉄パイプを所持" });
        Assert.False(v.Blocked);
        Assert.Equal(TestBook.Book.Offices.YahooRelayUnit, v.YahooRelayTo);
    }

    [Fact]
    public void T4_2_OtherPhysicalHarm_WithoutAReason_IsBlocked()
    {
        var v = Preview(Draft("crime-prevention", harm: PhysicalHarm.Other) with { HarmReason = " " });
        var block = Assert.Single(v.Blocks);
        Assert.Equal(("T4(2)", "yahoo.harm-reason"), (block.Clause, block.Code));
    }

    [Fact]
    public void T4_2_TheReasonOfOtherHarm_IsCoveredByTheApproval()
    {
        var fields = Cases.Fields;
        string Hash(string? reason) =>
            ContentHash.Of("crime-prevention", Station, null, fields, ["長野市北部"], false, null, PhysicalHarm.Other, null, reason);
        Assert.NotEqual(Hash("鉄パイプ"), Hash("バット"));
        Assert.Equal(ContentHash.Of("crime-prevention", Station, null, fields, ["長野市北部"], false, null, PhysicalHarm.Other, null), Hash(null));
    }
}
