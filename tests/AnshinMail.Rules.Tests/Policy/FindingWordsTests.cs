using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>
/// The rest of what staff read (issue 17, the survivors of the Stryker run on Policy/): each refusal or warning
/// carries its clause and the words that say what to do, lists are joined as staff read them, and each rule's guard
/// holds on both sides (a case just outside it gets no finding).
/// </summary>
public class FindingWordsTests
{
    private static Finding Single(PolicyVerdict v, string code, string clause)
    {
        var f = Assert.Single(v.Findings, x => x.Code == code);
        Assert.Equal(clause, f.Clause);
        return f;
    }

    [Fact]
    public void T3_2_UnknownDivision_AsksForAnHqDivision()
    {
        var v = Preview(Draft(areas: ["長野市北部", "松本市"]) with { DivisionInCharge = "nagano-chuo" });
        Assert.Contains("本部の課の一覧から選んで", Single(v, "scope.unknown-division", "T3(2)").Message);
    }

    [Fact]
    public void T3_2_TwoUnknownAreas_AreListedWithTheJapaneseComma() =>
        Assert.EndsWith("架空村、幻町", Single(Preview(Draft(areas: ["飯綱町", "架空村", "幻町"])),
            "scope.unknown-area", "T3(2)").Message);

    [Fact]
    public void T3_2_NoAreaAtAll_IsOnlyTheMissingArea_NotANoOwnArea()
    {
        var v = Preview(Draft(areas: []));
        Assert.True(v.Has("scope.unknown-area"));
        Assert.False(v.Has("scope.no-own-area"));
    }

    [Fact]
    public void T3_2_RequestByDay_NamesTheDivisionAndTheAreas_WithoutTheNightWords()
    {
        var book = TestBook.Book;
        var division = book.Unit(book.Category("child-safety").DivisionInCharge).Name;
        var f = Single(Preview(Draft(areas: ["飯綱町", "松本市", "上田市"])), "scope.distribution-request", "T3(2)");
        Assert.Contains("（松本市、上田市）", f.Message);
        Assert.Contains($"は「{division}」への配信要請", f.Message);
        Assert.DoesNotContain("夜間", f.Message);
    }

    [Fact]
    public void T3_2_RequestAtNight_GoesToTheDutyDesk_NamingTheDivisionInCharge()
    {
        var book = TestBook.Book;
        var desk = book.Unit(book.Offices.DutyDeskUnit).Name;
        var division = book.Unit(book.Category("child-safety").DivisionInCharge).Name;
        var f = Single(Preview(Draft(areas: ["飯綱町", "松本市"]), Jst(2026, 11, 27, 23, 30)),
            "scope.distribution-request", "T3(2)");
        Assert.Contains($"「{desk}」（夜間・休日。主管課は{division}）への配信要請", f.Message);
    }

    [Fact]
    public void Y11_4_NearBorder_NamesTheNeighboursWithTheJapaneseComma()
    {
        var v = Preview(Draft(areas: ["信濃町"], nearBorder: true, incidentArea: "信濃町"));
        var f = Single(v, "scope.share-request", "Y11.4");
        Assert.StartsWith("隣接署へ情報提供・配信要請を行います: ", f.Message);
        Assert.Contains("警察署、", f.Message);
    }

    [Fact]
    public void Y11_4_NearBorder_WhereNoNeighbourBorders_SharesWithNobody_AndSaysNothing()
    {
        var area = TestBook.Book.Unit(Station).Jurisdiction
            .First(a => TestBook.Book.Unit(Station).Neighbours.All(n => !n.Borders(a)));
        var v = Preview(Draft(areas: [area], nearBorder: true, incidentArea: area));
        Assert.Empty(v.ShareRequests);
        Assert.False(v.Has("scope.share-request"));
    }

    [Fact]
    public void Y9_2_TheAuthor_IsToldToAskAnotherApprover_WhereTheBookAsksForIt()
    {
        var book = TestBook.Book with
        {
            Approval = TestBook.Book.Approval with { ApproverMustDifferFromAuthor = true },
        };
        var d = Draft(author: "head1");
        var v = new PolicyEngine(book).Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Approve, At = WorkingHours, Actor = Distributor(id: "head1"), Draft = d,
            Approval = Approval(Distributor(id: "head1"), d),
        });
        var f = Single(v, "approval.self", "Y9.2");
        Assert.Equal("作成者本人は承認できません。別の承認者に承認を受けてください。", f.Message);
    }

    [Fact]
    public void Y9_2_StaffWhileTheDistributorIsAbsent_IsToldThePrOfficerApproves()
    {
        var d = Draft();
        var f = Single(Approve(d, Approval(Staff(id: "staff2"), d, absent: true)), "approval.not-entitled", "Y9.2");
        Assert.Equal("情報配信者が不在のため、承認できるのは広報活動責任者です。", f.Message);
    }

    [Fact]
    public void Y11_1_MissingConfirmations_AreAllListed_InTheBooksWords()
    {
        var d = Draft();
        var none = new HashSet<string>();
        var f = Single(Approve(d, Approval(Distributor(), d, confirmations: none)), "approval.confirmations-missing",
            "Y11.1");
        var texts = TestBook.Book.PrivacyConfirmations.Select(c => c.Text);
        Assert.Equal("次の確認がされていません: " + string.Join("／", texts), f.Message);
    }

    [Fact]
    public void Y9_4_UnjustifiedEmergency_ListsEveryCondition_InTheBooksWords()
    {
        var d = Draft();
        var v = Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Send,
            At = Jst(2026, 11, 27, 23, 30),
            Actor = Staff(),
            Draft = d,
            Approval = Approval(Distributor(), d),
            Emergency = new EmergencyFact(Staff(), AllEmergencyConditions),
        });
        var texts = TestBook.Book.EmergencyConditions.Select(c => c.Text);
        Assert.Equal("時間外の緊急配信は、情報配信者が次のすべてに該当すると認めた場合に限られます: "
            + string.Join("／", texts), Single(v, "send.emergency-not-justified", "Y9.4").Message);
    }

    [Fact]
    public void T4_2_OtherHarmWithoutAReason_AsksForTheReason()
    {
        var f = Single(Preview(Draft(harm: PhysicalHarm.Other)), "yahoo.harm-reason", "T4(2)");
        Assert.Contains("その理由を入力してください", f.Message);
    }

    [Fact]
    public void Y8_VictimFitsAnother_SaysTheVictimIsThatCategorysAndTheYahooRelayChanges()
    {
        var fits = TestBook.Book.Category("child-safety").Name;
        var f = Single(Preview(Draft("crime-prevention", victim: new Victim(10, Sex.Male))),
            "category.victim-fits-other", "Y8");
        Assert.Contains($"（被害者の年齢・性別は「{fits}」の対象です。Yahoo!防災速報への情報提供の扱いも変わります）", f.Message);
    }

    [Theory]
    [InlineData(FollowUpKind.Correction, true)]
    [InlineData(FollowUpKind.Resolution, false)]
    public void Y11_2_OnlyASecondResolution_IsRefused(FollowUpKind kind, bool resolved)
    {
        var original = new SentAlertFact
        {
            Id = "a1",
            Category = TestBook.Book.Category("child-safety"),
            Unit = TestBook.Book.Unit(Station),
            Sent = true,
            Resolved = resolved,
        };
        var v = Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft,
            At = WorkingHours,
            Actor = Staff(),
            Draft = Draft(),
            FollowUp = new FollowUpFact(kind, original),
            Alert = original,
        });
        Assert.False(v.Has("follow-up.already-resolved"));
    }

    [Fact]
    public void Y6_3_AnAccountWithoutAnIdYet_IsNotToldItsPasswordContainsIt()
    {
        var v = Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration,
            At = WorkingHours,
            Actor = new Person("", Station, new HashSet<Role> { Role.Staff }),
            Password = new PasswordCandidate("Kawanaka2026x", false),
        });
        Assert.False(v.Has("password.contains-user-id"));
        Assert.False(v.Blocked);
    }
}
