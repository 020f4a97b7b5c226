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
public sealed class AccountService(
    AnshinDbContext db,
    PolicyEngine engine,
    TimeProvider clock,
    IPasswordHasher<PersonAccount> hasher,
    SessionStates sessions)
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

    /// <summary>Y6.2: the account can no longer sign in; its live sessions end.</summary>
    public Task DisableAsync(Person actor, string userId, CancellationToken ct = default) =>
        Administer(actor, userId, "account.disable", a => a.Disable(), ct);

    public Task UnlockAsync(Person actor, string userId, CancellationToken ct = default) =>
        Administer(actor, userId, "account.unlock", a => { a.LockedUntil = null; a.FailedSignIns = 0; }, ct);

    /// <summary>Y5: the roles a person holds in their unit; live sessions end, the next sign-in has new ones.</summary>
    public Task ChangeRolesAsync(Person actor, string userId, IReadOnlyCollection<Role> roles,
        CancellationToken ct = default)
    {
        if (roles.Count == 0)
            throw PolicyRefusedException.Because("Y5", "account.no-role", "役割を1つ以上選んでください。");
        return Administer(actor, userId, "account.roles", a => a.ChangeRoles(roles), ct,
            $"roles={string.Join(',', roles.Distinct())}");
    }

    /// <summary>One change by the security manager, audited; the account's cached session check is dropped.</summary>
    private async Task Administer(Person actor, string userId, string action, Action<PersonAccount> change,
        CancellationToken ct, string? detail = null)
    {
        RequireSecurityManager(actor);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == userId, ct)
            ?? throw PolicyRefusedException.Because("Y6.2", "account.unknown", $"ユーザID '{userId}' はありません。");
        change(account);
        _audit.Record(actor, action, userId, "ok", detail);
        await db.SaveChangesAsync(ct);
        sessions.Forget(userId);
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
