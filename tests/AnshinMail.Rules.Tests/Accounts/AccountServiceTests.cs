using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using PasswordHasher = Microsoft.AspNetCore.Identity.PasswordHasher<AnshinMail.Rules.Storage.PersonAccount>;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Accounts;

/// <summary>Y6 / Y7 against a SQLite file: issue, first sign-in, policy, expiry, lockout, disabling, audit.</summary>
public sealed class AccountServiceTests : IDisposable
{
    private readonly TestDatabase _file = new();
    private readonly FakeTimeProvider _clock = new(Jst(2026, 11, 27, 10));
    private static readonly Person Manager = SecurityManager;
    private readonly SessionStates _sessions;

    public AccountServiceTests() => _sessions = new SessionStates(_clock);

    public void Dispose()
    {
        _sessions.Dispose();
        _file.Dispose();
    }

    private AccountService Service(AnshinDbContext db) =>
        new(db, TestBook.Engine, _clock, new PasswordHasher(), _sessions);

    private SignInService SignIns(AnshinDbContext db) =>
        new(db, TestBook.Engine, _clock, new PasswordHasher(), _sessions);

    private async Task<IssuedAccount> Issue(string userId = "suzuki", params Role[] roles)
    {
        await using var db = _file.Open();
        return await Service(db).IssueAsync(Manager, userId, "鈴木", Station, roles.Length > 0 ? roles : [Role.Staff]);
    }

    private async Task<SignInResult> SignIn(string userId, string password)
    {
        await using var db = _file.Open();
        return await SignIns(db).SignInAsync(userId, password);
    }

    private async Task Change(string userId, string current, string next)
    {
        await using var db = _file.Open();
        await SignIns(db).ChangePasswordAsync(userId, current, next);
    }

    [Fact]
    public async Task Y6_2_IssuedAccount_HasHashedInitialPassword_ThatMustBeChanged()
    {
        var issued = await Issue();
        Assert.Matches("^(?=.*[A-Za-z])(?=.*[0-9]).{12,}$", issued.InitialPassword);
        await using (var db = _file.Open())
            Assert.DoesNotContain(issued.InitialPassword, (await db.Accounts.SingleAsync()).PasswordHash);
        Assert.Equal(SignInOutcome.MustChangePassword, (await SignIn("suzuki", issued.InitialPassword)).Outcome);
        await Change("suzuki", issued.InitialPassword, "Nagano2026x");
        var result = await SignIn("suzuki", "Nagano2026x");
        Assert.Equal(SignInOutcome.Success, result.Outcome);
        Assert.Equal(new HashSet<Role> { Role.Staff }, result.Person!.Roles);
        Assert.Equal(Station, result.Person.UnitId);
    }

    [Fact]
    public async Task Y6_2_OnlyTheSecurityManagerIssuesAccounts()
    {
        await using var db = _file.Open();
        var e = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            Service(db).IssueAsync(Distributor(), "x", "x", Station, [Role.Staff]));
        Assert.Contains(e.Findings, f => f.Code == "account.not-security-manager");
    }

    [Fact]
    public async Task Y6_2_DuplicateUserId_IsRefused()
    {
        await Issue();
        await Assert.ThrowsAsync<PolicyRefusedException>(() => Issue());
    }

    [Theory]
    [InlineData("short1", "password.too-short")]
    [InlineData("abcdefghij", "password.needs-digit")]
    [InlineData("1234567890", "password.needs-letter")]
    [InlineData("Suzuki2026x", "password.contains-user-id")]
    [InlineData("Password123", "password.common")]
    public async Task Y6_3_WeakNewPassword_IsRefusedWithJapaneseReason(string next, string code)
    {
        var issued = await Issue();
        var e = await Assert.ThrowsAsync<PolicyRefusedException>(() => Change("suzuki", issued.InitialPassword, next));
        Assert.Contains(e.Findings, f => f.Code == code);
        Assert.Equal(SignInOutcome.MustChangePassword, (await SignIn("suzuki", issued.InitialPassword)).Outcome);
    }

    [Fact]
    public async Task Y6_3_SamePasswordAgain_IsRefused()
    {
        var issued = await Issue();
        await Change("suzuki", issued.InitialPassword, "Nagano2026x");
        var e = await Assert.ThrowsAsync<PolicyRefusedException>(() => Change("suzuki", "Nagano2026x", "Nagano2026x"));
        Assert.Contains(e.Findings, f => f.Code == "password.unchanged");
    }

    [Fact]
    public async Task Y6_3_After90Days_PasswordExpired_UntilChanged()
    {
        var issued = await Issue();
        await Change("suzuki", issued.InitialPassword, "Nagano2026x");
        _clock.Advance(TimeSpan.FromDays(89));
        Assert.Equal(SignInOutcome.Success, (await SignIn("suzuki", "Nagano2026x")).Outcome);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(SignInOutcome.PasswordExpired, (await SignIn("suzuki", "Nagano2026x")).Outcome);
        await Change("suzuki", "Nagano2026x", "Matsumoto2027y");
        Assert.Equal(SignInOutcome.Success, (await SignIn("suzuki", "Matsumoto2027y")).Outcome);
    }

    [Fact]
    public async Task Y6_3_3_RenewalAnyTimeBeforeExpiry_RestartsThe90Days_AndNeedsTheCurrentPassword()
    {
        var issued = await Issue();
        await Change("suzuki", issued.InitialPassword, "Nagano2026x");
        _clock.Advance(TimeSpan.FromDays(30));
        await Assert.ThrowsAsync<PolicyRefusedException>(() => Change("suzuki", "not-the-current1", "Matsumoto2027y"));
        await Change("suzuki", "Nagano2026x", "Matsumoto2027y");
        Assert.Equal(SignInOutcome.Failed, (await SignIn("suzuki", "Nagano2026x")).Outcome);
        _clock.Advance(TimeSpan.FromDays(89));
        Assert.Equal(SignInOutcome.Success, (await SignIn("suzuki", "Matsumoto2027y")).Outcome);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(SignInOutcome.PasswordExpired, (await SignIn("suzuki", "Matsumoto2027y")).Outcome);
    }

    [Fact]
    public async Task FiveFailures_LockFor15Minutes_EvenWithTheRightPassword()
    {
        var issued = await Issue();
        for (var i = 0; i < 4; i++) Assert.Equal(SignInOutcome.Failed, (await SignIn("suzuki", "wrong")).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await SignIn("suzuki", "wrong")).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await SignIn("suzuki", issued.InitialPassword)).Outcome);
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(SignInOutcome.MustChangePassword, (await SignIn("suzuki", issued.InitialPassword)).Outcome);
    }

    [Fact]
    public async Task UnknownUser_AndWrongPassword_GetTheSameAnswer()
    {
        await Issue();
        var unknown = await SignIn("nobody", "whatever1");
        var wrong = await SignIn("suzuki", "whatever1");
        Assert.Equal(unknown.Outcome, wrong.Outcome);
        Assert.Equal(unknown.Message, wrong.Message);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_AndUnlockClearsALockout()
    {
        var issued = await Issue();
        for (var i = 0; i < 5; i++) await SignIn("suzuki", "wrong");
        await using (var db = _file.Open()) await Service(db).UnlockAsync(Manager, "suzuki");
        Assert.Equal(SignInOutcome.MustChangePassword, (await SignIn("suzuki", issued.InitialPassword)).Outcome);
        await using (var db = _file.Open()) await Service(db).DisableAsync(Manager, "suzuki");
        Assert.Equal(SignInOutcome.Failed, (await SignIn("suzuki", issued.InitialPassword)).Outcome);
    }

    [Fact]
    public async Task EverySignIn_IsAudited_WithItsOutcome()
    {
        var issued = await Issue();
        await SignIn("suzuki", "wrong");
        await SignIn("suzuki", issued.InitialPassword);
        await SignIn("nobody", "x");
        await using var db = _file.Open();
        var signIns = await db.AuditEvents.Where(e => e.Action == "sign-in").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["Failed", "MustChangePassword", "Failed"], signIns.Select(e => e.Outcome));
        Assert.Equal(["suzuki", "suzuki", "nobody"], signIns.Select(e => e.Actor));
        Assert.Equal(Jst(2026, 11, 27, 10), signIns[0].At);
        Assert.Single(await db.AuditEvents.Where(e => e.Action == "account.issue").ToListAsync());
    }
}
