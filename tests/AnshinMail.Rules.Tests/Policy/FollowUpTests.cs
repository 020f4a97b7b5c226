using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y11.2: tracked alerts stay open until resolved; Y11.3: follow-ups reference a sent alert of the same unit or its requester.</summary>
public class FollowUpTests
{
    private static SentAlertFact Alert(string category = "child-safety", bool sent = true, bool resolved = false, string? requestedBy = null) => new()
    {
        Id = "a1",
        Category = TestBook.Book.Category(category),
        Unit = TestBook.Book.Unit(requestedBy is null ? Station : "jinshin-anzen-shonen"),
        RequestingUnit = requestedBy is null ? null : TestBook.Book.Unit(requestedBy),
        Sent = sent,
        Resolved = resolved,
    };

    private static PolicyVerdict Check(SentAlertFact original, FollowUpKind kind = FollowUpKind.Resolution, string actorUnit = Station, string category = "child-safety") =>
        Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft, At = WorkingHours, Actor = Staff(actorUnit),
            Draft = Draft(category, unit: actorUnit), FollowUp = new FollowUpFact(kind, original), Alert = original,
        });

    [Theory]
    [InlineData("child-safety", true)]
    [InlineData("crime-prevention", true)]
    [InlineData("traffic-safety", true)]
    [InlineData("notice", false)]
    public void Y11_2_SentAlertOfTrackedCategory_OwesResolution(string category, bool owed) =>
        Assert.Equal(owed, Evaluate(new PolicyCase { Stage = PolicyStage.Administration, At = WorkingHours, Actor = Staff(), Alert = Alert(category) }).ResolutionOwed);

    [Fact]
    public void Y11_2_ResolvedAlert_OwesNothing() =>
        Assert.False(Evaluate(new PolicyCase { Stage = PolicyStage.Administration, At = WorkingHours, Actor = Staff(), Alert = Alert(resolved: true) }).ResolutionOwed);

    [Fact]
    public void Y11_2_SecondResolution_IsBlocked() => Assert.True(Check(Alert(resolved: true)).Has("follow-up.already-resolved"));

    [Fact]
    public void Y11_3_FollowUpOfSentAlertBySameUnit_IsAllowed() =>
        Assert.False(Check(Alert(), FollowUpKind.Correction).Blocked, string.Join("\n", Check(Alert(), FollowUpKind.Correction).Findings));

    [Fact]
    public void Y11_3_FollowUpOfUnsentAlert_IsBlocked() => Assert.True(Check(Alert(sent: false), FollowUpKind.Correction).Has("follow-up.original-not-sent"));

    [Fact]
    public void Y11_3_FollowUpByUnrelatedUnit_IsBlocked() =>
        Assert.True(Check(Alert(), FollowUpKind.Supplement, actorUnit: "suzaka").Has("follow-up.other-unit"));

    [Fact]
    public void Y11_3_RequestingStation_MayFollowUpHqAlert() =>
        Assert.False(Check(Alert(requestedBy: "suzaka"), actorUnit: "suzaka").Has("follow-up.other-unit"));

    [Fact]
    public void Y11_3_FollowUpInAnotherCategory_IsBlocked() =>
        Assert.True(Check(Alert(), FollowUpKind.Correction, category: "crime-prevention").Has("follow-up.category"));
}
