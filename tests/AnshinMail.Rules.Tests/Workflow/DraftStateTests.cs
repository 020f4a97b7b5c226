using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Y9.2, Y9.3: a draft's state changes only through its own methods, each refusing with its clause.</summary>
public class DraftStateTests
{
    private static AnshinMail.Rules.Storage.Draft New() => AnshinMail.Rules.Storage.Draft.Write(Staff(), WorkflowFixture.Input(), WorkingHours);

    private static Finding Refusal(Action act) => Assert.Single(Assert.Throws<PolicyRefusedException>(act).Findings);

    [Fact]
    public void Y9_3_AReleasedDraft_IsNotReleasedTwice_NorEdited_NorApproved()
    {
        var d = New();
        d.Approve(WorkingHours);
        d.Release(WorkingHours);
        Assert.Equal("send.already", Refusal(() => d.Release(WorkingHours)).Code);
        Assert.Equal("draft.released", Refusal(() => d.Revise(WorkflowFixture.Input(), WorkingHours)).Code);
        Assert.Equal("draft.not-approvable", Refusal(() => d.Approve(WorkingHours)).Code);
    }

    [Fact]
    public void Y9_3_AnEditThatChangesTheText_MakesANewVersion_AndVoidsTheApprovalState()
    {
        var d = New();
        d.Approve(WorkingHours);
        Assert.False(d.Revise(WorkflowFixture.Input(), WorkingHours.AddMinutes(1)));
        Assert.Equal(DraftStatus.Approved, d.Status);
        Assert.True(d.Revise(WorkflowFixture.Input(fields: Fields with { Advice = "追記" }), WorkingHours.AddMinutes(2)));
        Assert.Equal((DraftStatus.Writing, 2, WorkingHours.AddMinutes(2)), (d.Status, d.Version, d.UpdatedAt));
        Assert.Equal(d.ComputeHash(), d.ContentHash);
    }

    [Fact]
    public void Y9_2_SubmitOnce_RejectWithAReason_ThenSubmitAgain()
    {
        var d = New();
        d.Submit(WorkingHours);
        Assert.Equal("draft.not-writing", Refusal(() => d.Submit(WorkingHours)).Code);
        Assert.Equal("draft.reject-reason", Refusal(() => d.Reject("  ", WorkingHours)).Code);
        d.Reject(" 表現を直してください ", WorkingHours);
        Assert.Equal((DraftStatus.Rejected, "表現を直してください"), (d.Status, d.RejectionReason));
        d.Submit(WorkingHours);
        Assert.Equal(DraftStatus.Submitted, d.Status);
    }

    [Fact]
    public void Y11_3_AFollowUpKeepsItsCategory()
    {
        var d = AnshinMail.Rules.Storage.Draft.Write(Staff(), WorkflowFixture.Input(), WorkingHours, new DraftOrigin(FollowUpOfAlertId: 1, FollowUpKind: FollowUpKind.Correction));
        Assert.Equal("follow-up.category", Refusal(() => d.Revise(WorkflowFixture.Input("crime-prevention"), WorkingHours)).Code);
    }
}
