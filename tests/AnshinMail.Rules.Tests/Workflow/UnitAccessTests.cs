using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Views;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Y7.2, Y9.2: one answer to "who may act on what", and the next actions a draft page offers from it.</summary>
public class UnitAccessTests
{
    private static readonly UnitAccess Access = new(TestBook.Book);
    private static Person Assistant => new("asst1", Station, new HashSet<Role> { Role.Assistant });
    private static Person Nobody => new("x", Station, new HashSet<Role>());

    [Fact]
    public void Y7_2_WritersAreTheUnitsStaff_NotTheSecurityManagerAlone()
    {
        Assert.True(UnitAccess.MayWrite(Staff()));
        Assert.True(UnitAccess.MayWrite(Assistant));
        Assert.True(UnitAccess.MayWrite(Distributor()));
        Assert.False(UnitAccess.MayWrite(SecurityManager));
        Assert.False(UnitAccess.MayWrite(Nobody));
    }

    [Fact]
    public void Y9_2_ApproversOfTheUnitOnly()
    {
        Assert.True(UnitAccess.MayApprove(Distributor(), Station));
        Assert.True(UnitAccess.MayApprove(PrOfficer(), Station));
        Assert.True(UnitAccess.MayApprove(DutyOfficer(), Station));
        Assert.False(UnitAccess.MayApprove(Staff(), Station));
        Assert.False(UnitAccess.MayApprove(Distributor("suzaka"), Station));
    }

    [Fact]
    public void Y9_2_OnlyTheUnitsDistributorJudges()
    {
        Assert.True(UnitAccess.MayJudge(Distributor(), Station));
        Assert.False(UnitAccess.MayJudge(PrOfficer(), Station));
        Assert.False(UnitAccess.MayJudge(DutyOfficer(), Station));
        Assert.False(UnitAccess.MayJudge(Distributor("suzaka"), Station));
    }

    [Fact]
    public void Y7_2_SendAndCancel_StayInTheUnit()
    {
        Assert.True(UnitAccess.MaySend(Staff(), Station));
        Assert.False(UnitAccess.MaySend(Staff("suzaka"), Station));
        Assert.False(UnitAccess.MaySend(SecurityManager, Station));
        Assert.True(UnitAccess.MayCancel(DutyOfficer(), Station));
        Assert.False(UnitAccess.MayCancel(Staff("suzaka"), Station));
    }

    /// <summary>The security manager reads everything only from the division the book names (a role holder elsewhere does not).</summary>
    [Fact]
    public void Y7_2_ReadersAreTheUnit_TheRequestingUnit_AndTheSecurityManagerInItsDivision()
    {
        Assert.True(Access.MayRead(Staff(), Station));
        Assert.True(Access.MayRead(Staff("suzaka"), Station, "suzaka"));
        Assert.False(Access.MayRead(Staff("suzaka"), Station));
        Assert.True(Access.MayRead(SecurityManager, Station));
        var misplaced = new Person("sec2", Station, new HashSet<Role> { Role.SecurityManager });
        Assert.False(Access.MayRead(misplaced, "suzaka"));
        Assert.False(Access.MayReadAbnormalities(misplaced));
        Assert.True(Access.MayReadAbnormalities(SecurityManager));
        var colleague = Staff(TestBook.Book.Offices.SecurityManagerUnit, "clerk1");
        Assert.False(colleague.IsSecurityManager(TestBook.Book));
        Assert.False(Access.MayRead(colleague, Station));
        Assert.False(Access.MayReadAbnormalities(colleague));
    }

    private static AnshinMail.Rules.Storage.Draft DraftIn(DraftStatus status)
    {
        var d = AnshinMail.Rules.Storage.Draft.Write(Staff(), WorkflowFixture.Input(), WorkingHours);
        if (status is DraftStatus.Submitted) d.Submit(WorkingHours);
        if (status is DraftStatus.Approved or DraftStatus.Released) d.Approve(WorkingHours);
        if (status is DraftStatus.Rejected) d.Reject("理由", WorkingHours);
        if (status is DraftStatus.Released) d.Release(WorkingHours);
        return d;
    }

    private static readonly SendingWindow Day = new(true, WorkingHours);
    private static readonly SendingWindow Night = new(false, Jst(2026, 11, 28, 6));

    [Fact]
    public void Y9_2_WritingDraft_StaffSubmitAndEdit_ApproversAlsoApproveAndReject()
    {
        // Y11.1: the writer and the approvers may also consult.
        Assert.Equal([DraftAction.Edit, DraftAction.Submit, DraftAction.Consult],
            ViewDraft.NextActions(Staff(), DraftIn(DraftStatus.Writing), Day).Order());
        Assert.Equal(
            [DraftAction.Edit, DraftAction.Submit, DraftAction.Approve, DraftAction.Reject, DraftAction.Consult],
            ViewDraft.NextActions(Distributor(), DraftIn(DraftStatus.Writing), Day).Order());
        Assert.Contains(DraftAction.DeclareDistributorAbsent, ViewDraft.NextActions(PrOfficer(), DraftIn(DraftStatus.Submitted), Day));
        Assert.Empty(ViewDraft.NextActions(Staff("suzaka"), DraftIn(DraftStatus.Writing), Day));
        Assert.Empty(ViewDraft.NextActions(SecurityManager, DraftIn(DraftStatus.Writing), Day));
    }

    [Fact]
    public void Y9_4_ApprovedDraft_SendsByDay_AndAtNightTheDistributorMayAlsoSendInAnEmergency()
    {
        Assert.DoesNotContain(DraftAction.EmergencySend, ViewDraft.NextActions(Distributor(), DraftIn(DraftStatus.Approved), Day));
        Assert.Contains(DraftAction.EmergencySend, ViewDraft.NextActions(Distributor(), DraftIn(DraftStatus.Approved), Night));
        Assert.DoesNotContain(DraftAction.EmergencySend, ViewDraft.NextActions(DutyOfficer(), DraftIn(DraftStatus.Approved), Night));
        Assert.Contains(DraftAction.Send, ViewDraft.NextActions(Staff(), DraftIn(DraftStatus.Approved), Night));
        Assert.Empty(ViewDraft.NextActions(Distributor(), DraftIn(DraftStatus.Released), Night));
    }
}
