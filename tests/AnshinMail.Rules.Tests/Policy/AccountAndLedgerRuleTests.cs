using AnshinMail.Rules.Policy;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>Y6.3 passwords, Y10 retention, Y7.2 unit boundary.</summary>
public class AccountAndLedgerRuleTests
{
    private static PolicyVerdict Password(string candidate, bool same = false) =>
        Evaluate(new PolicyCase { Stage = PolicyStage.Administration, At = WorkingHours, Actor = Staff(), Password = new PasswordCandidate(candidate, same) });

    [Theory]
    [InlineData("tk7wq3mz", null)]
    [InlineData("Nagano2026", null)]
    [InlineData("abc1234", "password.too-short")]
    [InlineData("abcdefgh", "password.needs-digit")]
    [InlineData("12345678", "password.needs-letter")]
    [InlineData("ａｂｃｄ１２３４", "password.needs-letter")]
    // Beyond the book's minimum: not the user ID (staff1), not a common password (the book's deny list).
    [InlineData("my-staff1-pw", "password.contains-user-id")]
    [InlineData("xSTAFF1x2026", "password.contains-user-id")]
    [InlineData("abcd1234", "password.common")]
    [InlineData("Password1", "password.common")]
    [InlineData("QWERTY123", "password.common")]
    [InlineData("iloveyou1", "password.common")]
    [InlineData("12345678a", "password.common")]
    [InlineData("1qaz2wsx", "password.common")]
    public void Y6_3_PasswordRules(string candidate, string? code)
    {
        var v = Password(candidate);
        if (code is null) Assert.False(v.Blocked, string.Join("\n", v.Findings));
        else Assert.True(v.Has(code), string.Join("\n", v.Findings));
    }

    [Fact]
    public void Y6_3_SamePasswordAgain_IsBlocked() => Assert.True(Password("abcd1234", same: true).Has("password.unchanged"));

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    [InlineData(400, true)]
    public void Y6_3_PasswordExpiresAfter90Days(int daysAgo, bool expired)
    {
        var v = Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration, At = WorkingHours, Actor = Staff(),
            PasswordAge = new PasswordAge(WorkingHours.AddDays(-daysAgo)),
        });
        Assert.Equal(expired, v.PasswordExpired is not null);
    }

    [Theory]
    [InlineData(2026, 12, 31, false)]
    [InlineData(2027, 12, 31, false)]
    [InlineData(2028, 1, 1, true)]
    public void Y10_EntryOf2026_DisposableFrom1Jan2028(int y, int m, int d, bool disposable)
    {
        // 00:00:00 JST on the day; 2027-12-31T15:00Z is already 2028-01-01 in Japan.
        var v = Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration, At = Jst(y, m, d, 0), Actor = Staff(),
            LedgerEntries = [new LedgerRecordFact("2026-0001", 2026)],
        });
        Assert.Equal(disposable, v.Disposable.Contains("2026-0001"));
    }

    [Fact]
    public void Y7_2_DraftingForAnotherUnit_IsBlocked()
    {
        var v = Evaluate(new PolicyCase { Stage = PolicyStage.Draft, At = WorkingHours, Actor = Staff("suzaka"), Draft = Draft() });
        Assert.True(v.Has("unit.other"));
    }

    [Fact]
    public void Y7_2_SendingForAnotherUnit_IsBlocked()
    {
        var d = Draft();
        var v = Evaluate(new PolicyCase { Stage = PolicyStage.Send, At = WorkingHours, Actor = Staff("suzaka"), Draft = d, Approval = Approval(Distributor(), d) });
        Assert.True(v.Has("unit.other"));
        Assert.False(v.MaySendNow);
    }
}
