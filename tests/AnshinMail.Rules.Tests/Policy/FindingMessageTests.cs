using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>
/// What staff read when the policy refuses or warns: each finding carries its clause and words that say what to do,
/// naming the category, unit, area or bound concerned, not only a stable code.
/// </summary>
public class FindingMessageTests
{
    private static void Says(PolicyVerdict v, string code, string clause, params string[] words)
    {
        var f = Assert.Single(v.Findings, x => x.Code == code);
        Assert.Equal(clause, f.Clause);
        foreach (var w in words) Assert.Contains(w, f.Message);
    }

    private static PolicyVerdict Password(string candidate, bool same = false) => Evaluate(new PolicyCase
    {
        Stage = PolicyStage.Administration,
        At = WorkingHours,
        Actor = Staff(),
        Password = new PasswordCandidate(candidate, same),
    });

    private static SentAlertFact Original(bool sent = true, bool resolved = false) => new()
    {
        Id = "a1",
        Category = TestBook.Book.Category("child-safety"),
        Unit = TestBook.Book.Unit(Station),
        Sent = sent,
        Resolved = resolved,
    };

    private static PolicyVerdict FollowUp(
        SentAlertFact original, string unit = Station, string category = "child-safety") =>
        Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft,
            At = WorkingHours,
            Actor = Staff(unit),
            Draft = Draft(category, unit: unit),
            FollowUp = new FollowUpFact(FollowUpKind.Resolution, original),
            Alert = original,
        });

    [Fact]
    public void T3_2_UnknownArea_NamesIt() =>
        Says(Preview(Draft(areas: ["飯綱町", "架空村"])), "scope.unknown-area", "T3(2)", "未知の地域", "架空村");

    [Fact]
    public void T3_2_NoArea_AsksForOne() =>
        Says(Preview(Draft(areas: [])), "scope.unknown-area", "T3(2)", "1つ以上選んで");

    [Fact]
    public void T3_2_NoOwnArea_PointsToTheRequest() =>
        Says(Preview(Draft(areas: ["松本市"])), "scope.no-own-area", "T3(2)", "自署管内が含まれていません", "配信要請");

    [Fact]
    public void T3_2_OutsideAreas_AreNamedInTheRequestWarning() =>
        Says(Preview(Draft(areas: ["飯綱町", "松本市"])), "scope.distribution-request", "T3(2)", "松本市", "配信要請");

    [Fact]
    public void Y9_3_Unapproved_CannotBeSent() =>
        Says(Send(Draft(), null), "send.not-approved", "Y9.3", "承認されていない");

    [Fact]
    public void Y9_3_ChangedAfterApproval_AsksForANewApproval()
    {
        var d = Draft();
        var stale = Approval(Distributor(), d) with { ContentHash = "other" };
        Says(Send(d, stale), "send.approval-stale", "Y9.3", "承認後に内容が変更", "改めて承認");
    }

    [Fact]
    public void Y9_2_StaffInOfficeHours_IsToldWhoMayApprove()
    {
        var d = Draft();
        Says(Approve(d, Approval(Staff(id: "staff2"), d)), "approval.not-entitled", "Y9.2", "情報配信者（所属長）", "広報活動責任者");
    }

    [Fact]
    public void Y9_2_StaffAtNight_IsToldTheDutyRegime()
    {
        var d = Draft();
        var v = Approve(d, Approval(Staff(id: "staff2"), d), Jst(2026, 11, 27, 23, 30));
        Says(v, "approval.not-entitled", "Y9.2", "当直体制中", "当直責任者");
    }

    [Fact]
    public void Y9_2_AnotherUnitsApprover_IsToldWhoseApprovalIsNeeded()
    {
        var d = Draft();
        Says(Approve(d, Approval(Distributor("suzaka"), d)), "approval.other-unit", "Y9.2", "他所属", "長野中央警察署");
    }

    [Fact]
    public void Y7_2_AnotherUnitsDraft_NamesItsUnit()
    {
        var v = Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft,
            At = WorkingHours,
            Actor = Staff("suzaka"),
            Draft = Draft(),
        });
        Says(v, "unit.other", "Y7.2", "他所属", "長野中央警察署");
    }

    [Fact]
    public void Y11_3_FollowUpInAnotherCategory_NamesTheOriginalsCategory() =>
        Says(FollowUp(Original(), category: "crime-prevention"), "follow-up.category", "Y11.3", "子供安全情報");

    [Fact]
    public void Y11_2_SecondResolution_SaysItWasResolved() =>
        Says(FollowUp(Original(resolved: true)), "follow-up.already-resolved", "Y11.2", "既に解除情報");

    [Fact]
    public void Y11_3_FollowUpOfAnUnsentAlert_SaysOnlySentOnes() =>
        Says(FollowUp(Original(sent: false)), "follow-up.original-not-sent", "Y11.3", "配信済みの情報に対してのみ");

    [Fact]
    public void Y11_3_FollowUpByAnotherUnit_NamesTheSendingUnit() =>
        Says(FollowUp(Original(), unit: "suzaka"), "follow-up.other-unit", "Y11.3", "長野中央警察署");

    [Theory]
    [InlineData("ab1", "password.too-short", "8文字以上")]
    [InlineData("abcdefghij", "password.needs-digit", "数字")]
    [InlineData("1234567890", "password.needs-letter", "英字")]
    [InlineData("xstaff1yz9", "password.contains-user-id", "ユーザID")]
    [InlineData("password1", "password.common", "推測されやすい")]
    public void Y6_3_WeakPassword_SaysWhatIsMissing(string candidate, string code, string words) =>
        Says(Password(candidate), code, "Y6.3", words);

    [Fact]
    public void Y6_3_UnchangedPassword_AsksForAnother() =>
        Says(Password("Kawanaka2026x", same: true), "password.unchanged", "Y6.3", "異なるパスワード");

    [Fact]
    public void Y8_AdultVictimUnderChildSafety_NamesBothCategories() =>
        Says(Preview(Draft(victim: new Victim(30, Sex.Female))), "category.victim-mismatch", "Y8", "子供安全情報", "女性安全情報");

    [Theory]
    [InlineData("women-safety", "「女性安全情報」", "年齢と性別")]
    [InlineData("child-safety", "「子供安全情報」", "年齢を入力")]
    public void Y8_MissingVictim_AsksForWhatTheCategoryNeeds(string category, string name, string words)
    {
        var d = Draft(category) with { Victim = null };
        Says(Preview(d), "category.victim-unknown", "Y8", name, words);
    }
}
