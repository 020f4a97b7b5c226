using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Accounts;

/// <summary>
/// Y7.3: sign-in tells nobody which user IDs exist: an unknown, disabled or locked ID costs one password
/// verification like a wrong password, and every failure gets the same words; the lock is still enforced
/// and audited. Counted, never timed.
/// </summary>
public sealed class SignInEnumerationTests : IDisposable
{
    private readonly TestDatabase _file = new();
    private readonly FakeTimeProvider _clock = new(Jst(2026, 11, 27, 10));
    private readonly CountingHasher _hasher = new();
    private readonly SessionStates _sessions;

    public SignInEnumerationTests() => _sessions = new SessionStates(_clock);

    public void Dispose()
    {
        _sessions.Dispose();
        _file.Dispose();
    }

    private async Task<string> Issue(string userId)
    {
        await using var db = _file.Open();
        var issued = await new AccountService(db, TestBook.Engine, _clock, _hasher, _sessions)
            .IssueAsync(SecurityManager, userId, "鈴木", Station, [Role.Staff]);
        return issued.InitialPassword;
    }

    private async Task<SignInResult> SignIn(string userId, string password)
    {
        await using var db = _file.Open();
        _hasher.Reset();
        return await new SignInService(db, TestBook.Engine, _clock, _hasher, _sessions).SignInAsync(userId, password);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("suzuki")]
    public async Task Y7_3_UnknownIdAndWrongPassword_EachVerifyOnePasswordHash(string userId)
    {
        await Issue("suzuki");
        var result = await SignIn(userId, "wrong-password1");
        Assert.Equal(SignInOutcome.Failed, result.Outcome);
        Assert.Equal(1, _hasher.Verifications);
        Assert.Equal(0, _hasher.Hashes);
    }

    [Fact]
    public async Task Y7_3_DisabledAccount_IsVerifiedToo_AndAnswersLikeAnUnknownId()
    {
        var password = await Issue("suzuki");
        await using (var db = _file.Open())
            await new AccountService(db, TestBook.Engine, _clock, _hasher, _sessions)
                .DisableAsync(SecurityManager, "suzuki");
        var disabled = await SignIn("suzuki", password);
        Assert.Equal(1, _hasher.Verifications);
        var unknown = await SignIn("nobody", password);
        Assert.Equal(unknown.Message, disabled.Message);
        Assert.False(disabled.SignedIn);
    }

    [Fact]
    public async Task Y7_3_LockedAccount_IsVerifiedToo_SameMessage_LockStillEnforcedAndAudited()
    {
        var password = await Issue("suzuki");
        var threshold = TestBook.Book.PasswordPolicy.LockoutThreshold;
        var answers = new List<SignInResult>();
        for (var i = 0; i < threshold; i++) answers.Add(await SignIn("suzuki", "wrong-password1"));
        var right = await SignIn("suzuki", password);
        Assert.Equal(1, _hasher.Verifications);
        Assert.False(right.SignedIn);
        var unknown = await SignIn("nobody", "wrong-password1");
        Assert.All(answers.Append(right), a => Assert.Equal(unknown.Message, a.Message));

        await using var db = _file.Open();
        var outcomes = await db.AuditEvents.Where(e => e.Action == "sign-in" && e.Actor == "suzuki")
            .OrderBy(e => e.Id).Select(e => e.Outcome).ToListAsync();
        Assert.Equal(["LockedOut", "LockedOut"], outcomes.TakeLast(2));
    }
}
