using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y6.3 and Y10 over both books of rules/: the password's length, digit rule and validity and the ledger's
/// retention are the book's (Nagano: 8 characters with a digit, 90 days, 1 year; the sample book: 12 characters,
/// no digit needed, 180 days, 3 years).</summary>
public class AccountAndLedgerBothBooksTests
{
    public static TheoryData<string> Books => BookCases.Both;

    private static PolicyVerdict Password(BookCases b, string candidate) => b.Evaluate(new PolicyCase
    {
        Stage = PolicyStage.Administration, At = WorkingHours, Actor = b.Staff(),
        Password = new PasswordCandidate(candidate, false),
    });

    [Theory]
    [MemberData(nameof(Books))]
    public void Y6_3_MinimumLength_IsTheBooks(string name)
    {
        var b = BookCases.Named(name);
        var min = b.Book.PasswordPolicy.MinLength;
        var justLongEnough = string.Concat(Enumerable.Repeat("tk7wq3mz", 3))[..min];
        Assert.False(Password(b, justLongEnough).Blocked, string.Join("\n", Password(b, justLongEnough).Findings));
        Assert.True(Password(b, justLongEnough[..^1]).Has("password.too-short"));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y6_3_ADigit_IsNeededWhereTheBookSaysSo(string name)
    {
        var b = BookCases.Named(name);
        var letters = "kvtqzmwphrxjbn"[..Math.Max(b.Book.PasswordPolicy.MinLength, 8)];
        Assert.Equal(b.Book.PasswordPolicy.RequireDigit, Password(b, letters).Has("password.needs-digit"));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y6_3_APassword_ExpiresAfterTheBooksDays(string name)
    {
        var b = BookCases.Named(name);
        var days = b.Book.PasswordPolicy.ValidDays;
        PolicyVerdict Aged(int daysAgo) => b.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration, At = WorkingHours, Actor = b.Staff(),
            PasswordAge = new PasswordAge(WorkingHours.AddDays(-daysAgo)),
        });
        Assert.Null(Aged(days - 1).PasswordExpired);
        Assert.NotNull(Aged(days).PasswordExpired);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void Y10_AnEntryOf2026_IsKeptThroughTheBooksYears(string name)
    {
        var b = BookCases.Named(name);
        var lastYear = 2026 + b.Book.Retention.CalendarYears;
        PolicyVerdict At(DateTimeOffset at) => b.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration, At = at, Actor = b.Staff(),
            LedgerEntries = [new LedgerRecordFact("2026-0001", 2026)],
        });
        Assert.DoesNotContain("2026-0001", At(Jst(lastYear, 12, 31, 23, 59, 59)).Disposable);
        Assert.Contains("2026-0001", At(Jst(lastYear + 1, 1, 1, 0)).Disposable);
    }

    [Fact]
    public void Y10_TheSampleBook_KeepsThreeYears() => Assert.Equal(3, BookCases.Sample.Book.Retention.CalendarYears);
}
