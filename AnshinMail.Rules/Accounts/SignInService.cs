using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Accounts;

/// <summary>
/// Y6.3, Y7.3: a person's own credentials: sign-in with lockout, expiry, and password changes under the
/// book's policy. Every sign-in and every change is audited.
/// </summary>
public sealed class SignInService(
    AnshinDbContext db,
    PolicyEngine engine,
    TimeProvider clock,
    IPasswordHasher<PersonAccount> hasher,
    SessionStates sessions)
{
    /// <summary>
    /// Y7.3: a PasswordHasher v3 hash (PBKDF2-HMAC-SHA512, 100,000 iterations, the hasher's default) of a
    /// random password nobody knows. An unknown ID is verified against it, so that it costs what a wrong
    /// password costs and its answer takes as long.
    /// </summary>
    private const string UnknownIdHash =
        "AQAAAAIAAYagAAAAEGjA0WmtQGNAhlUhXebmngjM0sbl8Pq7VE6xSbG0CJhc/J9HbZepFSo8XZfdFnbTbQ==";

    private static readonly PersonAccount Nobody = new()
    {
        UserId = "",
        DisplayName = "",
        UnitId = "",
        PasswordHash = UnknownIdHash,
    };

    private readonly Audit _audit = new(db, clock);

    /// <summary>
    /// Y6, Y7.3: every attempt verifies one password hash, whether the ID is unknown, disabled or locked,
    /// and every failure gives the same answer; the lock is still enforced, and the audit tells them apart.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userId, string password, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == userId, ct);
        var result = account is null ? Unknown(password) : Attempt(account, password, now);
        _audit.Record(userId, account?.UnitId, "sign-in", null, result.Outcome.ToString(),
            account?.Disabled == true ? "停止中のアカウント" : null);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private SignInResult Unknown(string password)
    {
        hasher.VerifyHashedPassword(Nobody, UnknownIdHash, password);
        return new SignInResult(SignInOutcome.Failed);
    }

    private SignInResult Attempt(PersonAccount account, string password, DateTimeOffset now)
    {
        var check = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (account.Disabled) return new SignInResult(SignInOutcome.Failed);
        if (account.LockedUntil > now)
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: account.LockedUntil);
        if (check == PasswordVerificationResult.Failed)
        {
            var policy = engine.Book.PasswordPolicy;
            if (++account.FailedSignIns < policy.LockoutThreshold) return new SignInResult(SignInOutcome.Failed);
            account.FailedSignIns = 0;
            account.LockedUntil = now.AddMinutes(policy.LockoutMinutes);
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: account.LockedUntil);
        }
        if (check == PasswordVerificationResult.SuccessRehashNeeded)
            account.PasswordHash = hasher.HashPassword(account, password);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        var person = account.ToPerson();
        if (account.MustChangePassword) return new SignInResult(SignInOutcome.MustChangePassword, person);
        var expired = engine.PasswordExpired(account, now);
        return new SignInResult(expired ? SignInOutcome.PasswordExpired : SignInOutcome.Success, person);
    }

    /// <summary>
    /// Y6.3: renew the password (any time before expiry, or when forced). Refused with findings when the policy
    /// says no. Every other session of the person ends (Y7.1); the caller signs this one in again.
    /// </summary>
    public async Task ChangePasswordAsync(string userId, string currentPassword, string newPassword,
        CancellationToken ct = default)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == userId && !a.Disabled, ct);
        if (account is null
            || hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword)
                == PasswordVerificationResult.Failed)
            throw PolicyRefusedException.Because("Y6.3", "password.current-wrong", "現在のパスワードが正しくありません。");
        var now = clock.GetUtcNow();
        var same = hasher.VerifyHashedPassword(account, account.PasswordHash, newPassword)
            != PasswordVerificationResult.Failed;
        var verdict = engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration,
            At = now,
            Actor = account.ToPerson(),
            Password = new PasswordCandidate(newPassword, same),
        });
        if (verdict.Blocked)
        {
            _audit.Record(account.ToPerson(), "password.change", userId, "refused",
                string.Join(",", verdict.Blocks.Select(f => f.Code)));
            await db.SaveChangesAsync(ct);
            throw new PolicyRefusedException(verdict.Findings);
        }
        account.SetPassword(hasher.HashPassword(account, newPassword), now);
        _audit.Record(account.ToPerson(), "password.change", userId, "ok");
        await db.SaveChangesAsync(ct);
        sessions.Forget(userId);
    }
}
