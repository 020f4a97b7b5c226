using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static AnshinMail.Rules.Tests.Cases;
using PasswordHasher = Microsoft.AspNetCore.Identity.PasswordHasher<AnshinMail.Rules.Storage.PersonAccount>;

namespace AnshinMail.Rules.Tests.Accounts;

/// <summary>Y6, Y7.1: the security stamp a live session is checked against, its rotations and its cache.</summary>
public sealed class SessionServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _file = new();
    private readonly FakeTimeProvider _clock = new(Jst(2026, 11, 27, 10));
    private readonly SessionStates _states;
    private string _password = "";

    public SessionServiceTests() => _states = new SessionStates(_clock);

    public async Task InitializeAsync()
    {
        await using var db = _file.Open();
        var issued = await Accounts(db).IssueAsync(SecurityManager, "suzuki", "鈴木", Station, [Role.Staff]);
        _password = issued.InitialPassword;
    }

    public Task DisposeAsync()
    {
        _states.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }

    private AccountService Accounts(AnshinDbContext db) =>
        new(db, TestBook.Engine, _clock, new PasswordHasher(), _states);

    private async Task<T> With<T>(Func<AnshinDbContext, Task<T>> operation)
    {
        await using var db = _file.Open();
        return await operation(db);
    }

    private Task<SessionState?> Check() =>
        With(db => new SessionService(db, TestBook.Engine, _clock, _states).CheckAsync("suzuki"));

    private Task<bool> Do(Func<AnshinDbContext, Task> operation) =>
        With(async db => { await operation(db); return true; });

    [Fact]
    public async Task Y7_1_SignOutPasswordChangeAndRoles_EachRotateTheStamp_DisablingEndsEverySession()
    {
        var stamps = new List<string> { (await Check())!.SecurityStamp };
        await Do(db => new SessionService(db, TestBook.Engine, _clock, _states).SignOutAsync("suzuki"));
        stamps.Add((await Check())!.SecurityStamp);
        await Do(db => new SignInService(db, TestBook.Engine, _clock, new PasswordHasher(), _states)
            .ChangePasswordAsync("suzuki", _password, "Kx7-matsu-29"));
        stamps.Add((await Check())!.SecurityStamp);
        await Do(db => Accounts(db).ChangeRolesAsync(SecurityManager, "suzuki", [Role.Staff, Role.Assistant]));
        stamps.Add((await Check())!.SecurityStamp);
        Assert.Equal(4, stamps.Distinct().Count());
        await Do(db => Accounts(db).DisableAsync(SecurityManager, "suzuki"));
        Assert.Null(await Check());
    }

    [Fact]
    public async Task Y7_1_ACheckIsCachedForAtMostAMinute_AndARotationInThisProcessIsSeenAtOnce()
    {
        var first = (await Check())!.SecurityStamp;
        // Another process rotates the stamp: this one sees it within a minute.
        using (var other = new SessionStates(_clock))
        await using (var db = _file.Open())
            await new SessionService(db, TestBook.Engine, _clock, other).SignOutAsync("suzuki");
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(first, (await Check())!.SecurityStamp);
        _clock.Advance(TimeSpan.FromSeconds(31));
        var second = (await Check())!.SecurityStamp;
        Assert.NotEqual(first, second);
        await Do(db => new SessionService(db, TestBook.Engine, _clock, _states).SignOutAsync("suzuki"));
        Assert.NotEqual(second, (await Check())!.SecurityStamp);
    }

    [Fact]
    public async Task Y6_3_1_APasswordThatExpiresReachesTheSessionCheck()
    {
        await Do(db => new SignInService(db, TestBook.Engine, _clock, new PasswordHasher(), _states)
            .ChangePasswordAsync("suzuki", _password, "Kx7-matsu-29"));
        Assert.False((await Check())!.PasswordExpired);
        _clock.Advance(TimeSpan.FromDays(TestBook.Book.PasswordPolicy.ValidDays));
        Assert.True((await Check())!.PasswordExpired);
    }

    [Fact]
    public async Task Y5_ChangingRoles_NeedsAtLeastOneRole_AndIsAudited()
    {
        var e = await Assert.ThrowsAsync<PolicyRefusedException>(
            () => Do(db => Accounts(db).ChangeRolesAsync(SecurityManager, "suzuki", [])));
        Assert.Contains(e.Findings, f => f.Code == "account.no-role");
        await Do(db => Accounts(db).ChangeRolesAsync(SecurityManager, "suzuki", [Role.Distributor, Role.Staff]));
        await using var db = _file.Open();
        Assert.Equal([Role.Distributor, Role.Staff], (await db.Accounts.SingleAsync()).Roles);
        Assert.Single(await db.AuditEvents.Where(a => a.Action == "account.roles").ToListAsync());
    }
}
