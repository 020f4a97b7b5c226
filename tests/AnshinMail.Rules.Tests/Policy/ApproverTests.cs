using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y9.2: who may approve at this instant, and who owes an after-the-fact report.</summary>
public class ApproverTests
{
    private static readonly DateTimeOffset Night = Jst(2026, 11, 27, 20);        // Friday 20:00, duty system
    private static readonly DateTimeOffset Holiday = Jst(2026, 11, 23, 10);      // 勤労感謝の日

    [Fact]
    public void Y9_2_Distributor_InWorkingHours_NoReport()
    {
        var d = Draft();
        var v = Approve(d, Approval(Distributor(), d));
        Assert.Equal(ApprovalRegime.Distributor, v.Regime);
        Assert.Equal(new ApproverDecision(ApprovalRegime.Distributor, false), v.Approver);
    }

    [Fact]
    public void Y9_2_PrOfficer_WhenDistributorAbsent_OwesReport()
    {
        var d = Draft();
        var v = Approve(d, Approval(PrOfficer(), d, absent: true));
        Assert.False(v.Blocked, string.Join("\n", v.Findings));
        Assert.Equal(new ApproverDecision(ApprovalRegime.PrOfficer, true), v.Approver);
    }

    [Fact]
    public void Y9_2_PrOfficer_WhenDistributorPresent_IsBlocked()
    {
        var d = Draft();
        var v = Approve(d, Approval(PrOfficer(), d, absent: false));
        Assert.True(v.Has("approval.not-entitled"));
        Assert.Null(v.Approver);
    }

    [Theory]
    [MemberData(nameof(DutyInstants))]
    public void Y9_2_DutyOfficer_DuringDutySystem_OwesReport(DateTimeOffset at)
    {
        var d = Draft();
        var v = Approve(d, Approval(DutyOfficer(), d), at);
        Assert.Equal(ApprovalRegime.DutyOfficer, v.Regime);
        Assert.Equal(new ApproverDecision(ApprovalRegime.DutyOfficer, true), v.Approver);
    }

    public static TheoryData<DateTimeOffset> DutyInstants => new() { Night, Holiday };

    [Fact]
    public void Y9_2_DutyOfficer_InWorkingHours_IsBlocked() =>
        Assert.True(Approve(Draft(), Approval(DutyOfficer(), Draft())).Has("approval.not-entitled"));

    [Fact]
    public void Y9_2_PrOfficer_DuringDutySystem_IsBlocked()
    {
        var d = Draft();
        Assert.True(Approve(d, Approval(PrOfficer(), d, absent: true), Night).Has("approval.not-entitled"));
    }

    [Fact]
    public void Y9_2_Distributor_AtNight_StillApprovesWithoutReport()
    {
        var d = Draft();
        Assert.Equal(new ApproverDecision(ApprovalRegime.Distributor, false), Approve(d, Approval(Distributor(), d), Night).Approver);
    }

    [Fact]
    public void Y9_2_Staff_IsNeverEntitled()
    {
        var d = Draft();
        Assert.True(Approve(d, Approval(Staff(id: "other"), d)).Has("approval.not-entitled"));
    }

    [Fact]
    public void Y9_2_DistributorOfAnotherUnit_IsBlocked()
    {
        var d = Draft();
        var v = Approve(d, Approval(Distributor(unit: "suzaka"), d));
        Assert.True(v.Has("approval.other-unit"));
        Assert.True(v.Has("unit.other"));
    }

    [Fact]
    public void Y9_2_AuthorApprovingOwnDraft_IsBlocked_WhereTheBookAsksForIt()
    {
        var book = TestBook.Book with { Approval = TestBook.Book.Approval with { ApproverMustDifferFromAuthor = true } };
        var d = Draft(author: "head1");
        var verdict = new PolicyEngine(book).Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Approve, At = WorkingHours, Actor = Distributor(id: "head1"), Draft = d,
            Approval = Approval(Distributor(id: "head1"), d),
        });
        Assert.Equal("Y9.2", Assert.Single(verdict.Blocks, f => f.Code == "approval.self").Clause);
        Assert.Null(Approve(d, Approval(Distributor(id: "head1"), d)).Findings.FirstOrDefault(f => f.Code == "approval.self"));
    }

    /// <summary>Y9.2: the seed has no "approver differs from author" rule; the Nagano book leaves the option off, so
    /// the unit head may approve the draft they wrote themselves.</summary>
    [Fact]
    public void Y9_2_NaganoBook_TheAuthorMayApproveTheirOwnDraft()
    {
        Assert.False(TestBook.Book.Approval.ApproverMustDifferFromAuthor);
        var d = Draft(author: "head1");
        var verdict = Approve(d, Approval(Distributor(id: "head1"), d));
        Assert.False(verdict.Blocked, string.Join("\n", verdict.Blocks));
        Assert.Equal(new ApproverDecision(ApprovalRegime.Distributor, false), verdict.Approver);
    }
}
