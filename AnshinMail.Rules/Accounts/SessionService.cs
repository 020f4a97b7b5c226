using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Accounts;

/// <summary>
/// Y6, Y7.1: live sessions follow their account. A host asks <see cref="CheckAsync"/> on every request and
/// ends a session whose security stamp no longer matches; signing out rotates the stamp, so a copied cookie
/// ends with it.
/// </summary>
public sealed class SessionService(AnshinDbContext db, PolicyEngine engine, TimeProvider clock, SessionStates states)
{
    /// <summary>The account's session state; null when it is unknown or disabled (the session must end).</summary>
    public Task<SessionState?> CheckAsync(string userId, CancellationToken ct = default) =>
        states.GetAsync(userId, async () =>
        {
            var account = await db.Accounts.AsNoTracking()
                .SingleOrDefaultAsync(a => a.UserId == userId && !a.Disabled, ct);
            return account is null
                ? null
                : new SessionState(account.SecurityStamp, engine.PasswordExpired(account, clock.GetUtcNow()));
        });

    /// <summary>Y7.1: signing out ends every session of the person, copies of the cookie included.</summary>
    public async Task SignOutAsync(string userId, CancellationToken ct = default)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == userId, ct);
        if (account is null) return;
        account.RotateSecurityStamp();
        new Audit(db, clock).Record(account.ToPerson(), "sign-out", userId, "ok");
        await db.SaveChangesAsync(ct);
        states.Forget(userId);
    }
}
