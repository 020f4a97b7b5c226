using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Accounts;

/// <summary>
/// Y6, Y7: accounts issued and administered by the security manager: issuing, disabling, unlocking,
/// the account list and the audit log. Every change is audited. A person's own sign-in and password
/// are in <see cref="SignInService"/>.
/// </summary>
public sealed class AccountService(AnshinDbContext db, PolicyEngine engine, TimeProvider clock, IPasswordHasher<PersonAccount> hasher)
{
    private readonly Audit _audit = new(db, clock);

    public async Task<IssuedAccount> IssueAsync(Person actor, string userId, string displayName, string unitId, IReadOnlyCollection<Role> roles, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        if (engine.Book.FindUnit(unitId) is null)
            throw PolicyRefusedException.Because("Y7.2", "account.unknown-unit", $"所属 '{unitId}' は政策ブックにありません。");
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 64)
            throw PolicyRefusedException.Because("Y6.2", "account.bad-user-id", "ユーザIDは1〜64文字で指定してください。");
        if (await db.Accounts.AnyAsync(a => a.UserId == userId, ct))
            throw PolicyRefusedException.Because("Y6.2", "account.duplicate", $"ユーザID '{userId}' は既に使われています。");
        var password = InitialPasswords.Create(engine.Book.PasswordPolicy.MinLength);
        var now = clock.GetUtcNow();
        var account = new PersonAccount
        {
            UserId = userId, DisplayName = displayName, UnitId = unitId, Roles = roles.Distinct().ToList(),
            PasswordHash = "", PasswordSetAt = now, MustChangePassword = true, CreatedAt = now,
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.Accounts.Add(account);
        _audit.Record(actor, "account.issue", userId, "ok", $"unit={unitId} roles={string.Join(',', account.Roles)}");
        await db.SaveChangesAsync(ct);
        return new IssuedAccount(userId, password);
    }

    public Task DisableAsync(Person actor, string userId, CancellationToken ct = default) =>
        Administer(actor, userId, "account.disable", a => a.Disabled = true, ct);

    public Task UnlockAsync(Person actor, string userId, CancellationToken ct = default) =>
        Administer(actor, userId, "account.unlock", a => { a.LockedUntil = null; a.FailedSignIns = 0; }, ct);

    private async Task Administer(Person actor, string userId, string action, Action<PersonAccount> change, CancellationToken ct)
    {
        RequireSecurityManager(actor);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == userId, ct)
            ?? throw PolicyRefusedException.Because("Y6.2", "account.unknown", $"ユーザID '{userId}' はありません。");
        change(account);
        _audit.Record(actor, action, userId, "ok");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every account, for the security manager's administration page.</summary>
    public Task<List<PersonAccount>> ListAsync(Person actor, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        return db.Accounts.AsNoTracking().OrderBy(a => a.UnitId).ThenBy(a => a.UserId).ToListAsync(ct);
    }

    /// <summary>Y12: the audit log, newest first, filtered by person, action (prefix) and period; for the security manager only.</summary>
    public Task<List<AuditEvent>> AuditAsync(Person actor, string? person = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int take = 200, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        var q = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(person)) q = q.Where(e => e.Actor == person);
        if (!string.IsNullOrWhiteSpace(action)) q = q.Where(e => e.Action.StartsWith(action));
        if (from is { } f) q = q.Where(e => e.At >= f);
        if (to is { } t) q = q.Where(e => e.At < t);
        return q.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
    }

    /// <summary>Y5.1(2)ウ, Y6.2: only the security manager, in their own division, administers accounts.</summary>
    private void RequireSecurityManager(Person actor)
    {
        if (!actor.IsSecurityManager(engine.Book))
            throw PolicyRefusedException.Because("Y6.2", "account.not-security-manager", "アカウントの管理はシステムセキュリティ責任者が行います。");
    }
}
