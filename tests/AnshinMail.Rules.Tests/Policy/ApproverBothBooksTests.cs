using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y9.2 over both books of rules/: who may approve depends on the book's duty system (Nagano weekdays from
/// 17:15, the sample book from 18:00 and Sundays only), and the book says whether the author may approve.</summary>
public class ApproverBothBooksTests
{
    public static TheoryData<string> Books => BookCases.Both;

    /// <summary>The first instant of the duty system on Friday 27 Nov 2026, from the book.</summary>
    private static DateTimeOffset Evening(BookCases b) => BookCases.On(2026, 11, 27, b.Book.DutySystem.WeekdayStart);

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_DutyOfficer_FromTheBooksEvening_OwesReport(string name)
    {
        var b = BookCases.Named(name);
        var d = b.Draft();
        var v = b.Approve(d, b.Approval(b.DutyOfficer(), d), Evening(b));
        Assert.Equal(new ApproverDecision(ApprovalRegime.DutyOfficer, true), v.Approver);
        var before = b.Approve(d, b.Approval(b.DutyOfficer(), d), Evening(b).AddSeconds(-1));
        Assert.True(before.Has("approval.not-entitled"));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_Distributor_ByDay_NoReport_PrOfficerOnlyWhenAbsent_WhereTheBookHasThatDeputy(string name)
    {
        var b = BookCases.Named(name);
        var d = b.Draft();
        Assert.Equal(new ApproverDecision(ApprovalRegime.Distributor, false),
            b.Approve(d, b.Approval(b.Distributor(), d)).Approver);
        var deputy = b.Approve(d, b.Approval(b.PrOfficer(), d, absent: true));
        if (b.Book.Approval.PrOfficerApprovesWhenDistributorAbsent)
            Assert.Equal(new ApproverDecision(ApprovalRegime.PrOfficer, true), deputy.Approver);
        else
        {
            // No deputy in this book: the distributor stays the only approver by day, absent or not.
            Assert.True(deputy.Has("approval.not-entitled"));
            Assert.Equal("承認できるのは情報配信者（所属長）です。",
                deputy.Findings.Single(f => f.Code == "approval.not-entitled").Message);
            Assert.Equal(new ApproverDecision(ApprovalRegime.Distributor, false),
                b.Approve(d, b.Approval(b.Distributor(), d, absent: true)).Approver);
        }
        Assert.True(b.Approve(d, b.Approval(b.PrOfficer(), d)).Has("approval.not-entitled"));
        Assert.True(b.Approve(d, b.Approval(b.Staff(id: "other"), d)).Has("approval.not-entitled"));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_DistributorOfAnotherUnit_IsBlocked(string name)
    {
        var b = BookCases.Named(name);
        var d = b.Draft();
        var v = b.Approve(d, b.Approval(b.Distributor(b.Neighbour.Id), d));
        Assert.True(v.Has("approval.other-unit"));
    }

    /// <summary>Y9.2: the author approving their own draft is blocked exactly where the book asks for it (the
    /// sample book does, Nagano's does not).</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public void Y9_2_AuthorApprovingOwnDraft_FollowsTheBook(string name)
    {
        var b = BookCases.Named(name);
        var d = b.Draft(author: "head1");
        var v = b.Approve(d, b.Approval(b.Distributor(id: "head1"), d));
        Assert.Equal(b.Book.Approval.ApproverMustDifferFromAuthor, v.Has("approval.self"));
        Assert.Equal(b.Book.Approval.ApproverMustDifferFromAuthor, v.Blocked);
    }

    [Fact]
    public void Y9_2_SampleBook_AsksForAnotherApprover() =>
        Assert.True(BookCases.Sample.Book.Approval.ApproverMustDifferFromAuthor);

    /// <summary>Y9.2 ただし書き: Nagano's policy has the PR officer as deputy; the sample book has none.</summary>
    [Fact]
    public void Y9_2_TheDeputyIsTheBooks_NaganoHasIt_TheSampleBookDoesNot()
    {
        Assert.True(BookCases.Nagano.Book.Approval.PrOfficerApprovesWhenDistributorAbsent);
        Assert.False(BookCases.Sample.Book.Approval.PrOfficerApprovesWhenDistributorAbsent);
    }
}
