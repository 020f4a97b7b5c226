using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>
/// What an embedder relies on in the policy's facts and names (issue 17, survivors and uncovered mutants of the
/// Stryker run on Policy/): empty fields are empty, the form's labels, the roles' Japanese names, the security
/// manager only in the book's unit (Y5.1), the refusal's words and the approval fingerprint (Y9.3).
/// </summary>
public class PolicyFactsTests
{
    [Fact]
    public void Y9_1_FieldsNotGiven_AreEmpty_NotNullOrFiller()
    {
        var f = new AlertFields();
        Assert.All(f.Texts(), t => Assert.Equal("", t));
        Assert.Equal(13, f.Texts().Count());
    }

    [Fact]
    public void Y9_1_TheFormsLabels_AreTheJapaneseFieldNames_InFormOrder()
    {
        var f = new AlertFields
        {
            Headline = "h", Place = "p", WhatHappened = "w", WordsSaid = "s", Advice = "a",
            Person = new PersonInvolved
            {
                Sex = "1", Age = "2", Height = "3", Build = "4", Clothing = "5", Vehicle = "6",
            },
            FollowUp = new FollowUpFields { Wrong = "x", Right = "y" },
        };
        Assert.Equal(
        [
            ("見出し", "h"), ("発生場所", "p"), ("発生状況", "w"), ("声かけ等の文言", "s"), ("呼びかけ", "a"),
            ("行為者の性別", "1"), ("行為者の年齢", "2"), ("行為者の身長", "3"), ("行為者の体格", "4"),
            ("行為者の服装", "5"), ("行為者の車両", "6"), ("誤", "x"), ("正", "y"),
        ], f.Labelled());
    }

    [Fact]
    public void Y11_3_FollowUpFields_AreEmptyOnlyWithoutWrongRightAndResolution()
    {
        Assert.True(new FollowUpFields().IsEmpty);
        Assert.Equal("", new FollowUpFields().Wrong);
        Assert.Equal("", new FollowUpFields().Right);
        Assert.False(new FollowUpFields { Wrong = "x" }.IsEmpty);
        Assert.False(new FollowUpFields { Right = "y" }.IsEmpty);
        Assert.False(new FollowUpFields { ResolvedAt = WorkingHours }.IsEmpty);
    }

    [Theory]
    [InlineData(Role.Staff, "職員")]
    [InlineData(Role.Assistant, "情報配信補助者")]
    [InlineData(Role.Distributor, "情報配信者")]
    [InlineData(Role.PrOfficer, "広報活動責任者")]
    [InlineData(Role.DutyOfficer, "当直責任者")]
    [InlineData(Role.SecurityManager, "システムセキュリティ責任者")]
    [InlineData(Role.Maintainer, "システムセキュリティ維持管理者")]
    public void Y5_EachRole_HasItsJapaneseName(Role role, string name) => Assert.Equal(name, RoleNames.Of(role));

    [Fact]
    public void Y5_SeveralRoles_AreNamedOnceEach_InTheRolesOrder() =>
        Assert.Equal("職員、情報配信者、当直責任者",
            RoleNames.Of([Role.DutyOfficer, Role.Staff, Role.Distributor, Role.Staff]));

    [Theory]
    [InlineData("Distributor", "情報配信者")]
    [InlineData("PrOfficer", "広報活動責任者（事後報告）")]
    [InlineData("DutyOfficer", "当直責任者（事後報告）")]
    [InlineData("7", "（不明な区分）")]
    [InlineData("Unknown", "（不明な区分）")]
    public void Y9_2_StoredRegimes_AreNamed_AndAnUnknownOneSaysSo(string stored, string name) =>
        Assert.Equal(name, RoleNames.OfRegime(stored));

    [Fact]
    public void Y5_1_SecurityManager_IsTheRoleInTheBooksUnitOnly()
    {
        var book = TestBook.Book;
        var unit = book.Offices.SecurityManagerUnit;
        Assert.True(new Person("sec1", unit, new HashSet<Role> { Role.SecurityManager }).IsSecurityManager(book));
        Assert.False(new Person("sec2", Station, new HashSet<Role> { Role.SecurityManager }).IsSecurityManager(book));
        Assert.False(new Person("st1", unit, new HashSet<Role> { Role.Staff }).IsSecurityManager(book));
    }

    [Fact]
    public void Y9_3_ARefusal_SaysEveryBlock_AndNoWarning()
    {
        var e = new PolicyRefusedException(
        [
            Finding.Block("Y9.3", "a", "承認されていません。"),
            Finding.Warn("Y11.1", "b", "電話番号が含まれています。"),
            Finding.Block("T3(2)", "c", "地域を選んでください。"),
        ]);
        Assert.Equal("承認されていません。 地域を選んでください。", e.Message);
        Assert.Equal(3, e.Findings.Count);
    }

    /// <summary>
    /// The fingerprint is stored with each approval and compared at sending (Y9.3): it must not change between
    /// versions for the same content, or every approval given before an upgrade would turn stale. The value is
    /// the one this version computes; the areas' order and an empty harm reason do not change it.
    /// </summary>
    [Fact]
    public void Y9_3_ContentHash_IsStableAcrossVersions()
    {
        var fields = new AlertFields { Headline = "声かけ事案", Place = "長野市大字鶴賀" };
        string Hash(string[] areas, string? reason) => ContentHash.Of("child-safety", Station, null, fields, areas,
            false, null, PhysicalHarm.None, new Victim(10, Sex.Female), reason);
        const string Expected = "52b683e5634153b00576fd7b44e788c32179ac43d63a7ea9b047e40058185c8c";
        Assert.Equal(Expected, Hash(["長野市北部", "飯綱町"], null));
        Assert.Equal(Expected, Hash(["飯綱町", "長野市北部"], ""));
    }
}
