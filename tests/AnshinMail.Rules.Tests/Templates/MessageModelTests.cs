using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Templates;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Templates;

/// <summary>
/// Y11.2, Y11.3, T3(3): the values a template is given, in the words and the Japan time residents read, checked on
/// the model itself rather than through one template's wording.
/// </summary>
public class MessageModelTests
{
    private static readonly MessageModelBuilder Models = new(TestBook.Book, TestBook.Calendar);

    [Theory]
    [InlineData(FollowUpKind.Resolution, "解除")]
    [InlineData(FollowUpKind.Correction, "修正")]
    [InlineData(FollowUpKind.Supplement, "補足")]
    [InlineData(null, "")]
    public void Y11_3_TheFollowUpsKind_IsNamedInJapanese(FollowUpKind? kind, string name) =>
        Assert.Equal(name, Models.For(Draft(), kind).FollowUpKind);

    [Fact]
    public void Y11_2_TimesAreJapanTime_AndTimesNotGivenAreEmpty()
    {
        var fields = Fields with
        {
            OccurredAt = new DateTimeOffset(2026, 11, 26, 6, 30, 0, TimeSpan.Zero),
            FollowUp = new FollowUpFields { ResolvedAt = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero) },
        };
        var m = Models.For(Draft(fields: fields), FollowUpKind.Resolution);
        Assert.Equal("11月26日（木）午後3時30分", m.OccurredAt);
        Assert.Equal("11月26日", m.OccurredOn);
        Assert.Equal("11月28日（土）午前0時", m.ResolvedAt);
        var none = Models.For(Draft(fields: Fields with { OccurredAt = null }));
        Assert.Equal(("", "", ""), (none.OccurredAt, none.OccurredOn, none.ResolvedAt));
    }

    [Fact]
    public void T3_3_WithoutARequest_TheContactIsTheWritingUnitsNameAndPhone()
    {
        var unit = TestBook.Book.Unit(Station);
        Assert.Equal(new ContactModel(unit.Name, unit.Phone), Models.For(Draft()).Contact);
    }

    [Fact]
    public void TheHeadline_IsOneLine_AndTheBooksNamesAreGiven()
    {
        var m = Models.For(Draft(fields: Fields with { Headline = " 声かけ\r\n 事案の発生 \n" }));
        Assert.Equal("声かけ 事案の発生", m.Headline);
        Assert.Equal(TestBook.Book.Prefecture, m.Prefecture);
        Assert.Equal(TestBook.Book.SystemName, m.SystemName);
    }
}
