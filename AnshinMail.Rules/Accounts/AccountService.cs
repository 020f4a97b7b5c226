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

    /// <summary>Y6.2: the security manager issues an account for a person of a unit with these roles; returns its
    /// one-time initial password.</summary>
    public async Task<IssuedAccount> IssueAsync(Person actor, string userId, string displayName, string unitId,
        IReadOnlyCollection<Role> roles, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        if (engine.Book.FindUnit(unitId) is null)
            throw PolicyRefusedException.Because("Y7.2", "account.unknown-unit", $"所属 '{unitId}' は政策ブックにありません。");
        var (account, password) = await Create(userId, displayName, unitId, roles, ct);
        _audit.Record(actor, "account.issue", userId, "ok",
            $"所属: {engine.Book.Unit(unitId).Name} 役割: {RoleNames.Of(account.Roles)}");
        await db.SaveChangesAsync(ct);
        return new IssuedAccount(userId, password);
    }

    /// <summary>
    /// Y5.1, Y6.2: a new prefecture's first security manager, set up on the server (nobody can sign in yet to
    /// issue one), in the book's security-manager division. Refused once an enabled security manager exists.
    /// </summary>
    public async Task<IssuedAccount> SetUpFirstSecurityManagerAsync(string userId, string displayName, string unitId,
        CancellationToken ct = default)
    {
        var book = engine.Book;
        var enabled = await db.Accounts.AsNoTracking().Where(a => !a.Disabled).ToListAsync(ct);
        if (enabled.FirstOrDefault(a => a.ToPerson().IsSecurityManager(book)) is { } existing)
            throw PolicyRefusedException.Because("Y6.2", "account.security-manager-exists",
                $"システムセキュリティ責任者（{existing.UserId}）が既にいます。アカウントはその責任者が発行してください。");
        var office = book.Offices.SecurityManagerUnit;
        if (unitId != office)
            throw PolicyRefusedException.Because("Y5.1", "account.not-security-manager-unit",
                $"所属 '{unitId}' にはシステムセキュリティ責任者を置けません。"
                + $"政策ブックの offices.securityManagerUnit '{office}'（{book.Unit(office).Name}）を指定してください。");
        var (account, password) = await Create(userId, displayName, unitId, [Role.SecurityManager, Role.Staff], ct);
        _audit.Record(StaffNames.SetupActor, unitId, "account.setup", userId, "ok", $"役割: {RoleNames.Of(account.Roles)}");
        await db.SaveChangesAsync(ct);
        return new IssuedAccount(userId, password);
    }

    /// <summary>Y6.2: a new account with a random initial password the policy accepts, to be changed.</summary>
    private async Task<(PersonAccount Account, string Password)> Create(
        string userId, string displayName, string unitId, IReadOnlyCollection<Role> roles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 64)
            throw PolicyRefusedException.Because("Y6.2", "account.bad-user-id", "ユーザIDは1〜64文字で指定してください。");
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 100)
            throw PolicyRefusedException.Because("Y6.2", "account.bad-name", "氏名は1〜100文字で指定してください。");
        if (await db.Accounts.AnyAsync(a => a.UserId == userId, ct))
            throw PolicyRefusedException.Because("Y6.2", "account.duplicate", $"ユーザID '{userId}' は既に使われています。");
        var now = clock.GetUtcNow();
        var account = new PersonAccount
        {
            UserId = userId,
            DisplayName = displayName,
            UnitId = unitId,
            Roles = roles.Distinct().ToList(),
            PasswordHash = "",
            PasswordSetAt = now,
            MustChangePassword = true,
            CreatedAt = now,
        };
        var password = InitialPasswords.Create(engine, account.ToPerson(), now);
        account.PasswordHash = hasher.HashPassword(account, password);
        db.Accounts.Add(account);
        return (account, password);
    }

    /// <summary>Y6.2: the account can no longer sign in; its live sessions end.</summary>
    public Task DisableAsync(Person actor, string userId, CancellationToken ct = default) =>
        Administer(actor, userId, "account.disable", a => a.Disable(), ct);

    /// <summary>Y6.3: the security manager lifts a lockout before it ends; the failure count starts again.</summary>
    public Task UnlockAsync(Person actor, string userId, CancellationToken ct = default) =>
        Administer(actor, userId, "account.unlock", a => { a.LockedUntil = null; a.FailedSignIns = 0; }, ct);

    /// <summary>Y5: the roles a person holds in their unit; live sessions end, the next sign-in has new ones.</summary>
    public Task ChangeRolesAsync(Person actor, string userId, IReadOnlyCollection<Role> roles,
        CancellationToken ct = default)
    {
        if (roles.Count == 0)
            throw PolicyRefusedException.Because("Y5", "account.no-role", "役割を1つ以上選んでください。");
        return Administer(actor, userId, "account.roles", a => a.ChangeRoles(roles), ct,
            $"役割: {RoleNames.Of(roles)}");
    }

    /// <summary>Where notices to a person go (optional): set or cleared by the holder, or by the security
    /// manager.</summary>
    public async Task SetNotificationAddressAsync(Person actor, string userId, string? address,
        CancellationToken ct = default)
    {
        if (actor.Id != userId) RequireSecurityManager(actor);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == userId, ct)
            ?? throw PolicyRefusedException.Because("Y6.2", "account.unknown", $"ユーザID '{userId}' はありません。");
        account.SetNotificationAddress(address);
        _audit.Record(actor, "account.notification-address", userId, "ok");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The holder's own notification address, for their account page.</summary>
    public Task<string?> NotificationAddressAsync(Person actor, CancellationToken ct = default) =>
        db.Accounts.AsNoTracking().Where(a => a.UserId == actor.Id).Select(a => a.NotificationAddress)
            .SingleOrDefaultAsync(ct);

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

    /// <summary>Y12: the audit log, newest first, filtered by person, action (prefix) and period; for the security
    /// manager only.</summary>
    public Task<List<AuditEvent>> AuditAsync(Person actor, string? person = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int take = 200, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        // No actor or action holds NUL (PostgreSQL's text cannot, and would refuse the query): nothing matches.
        if (person?.Contains('\0', StringComparison.Ordinal) == true
            || action?.Contains('\0', StringComparison.Ordinal) == true)
            return Task.FromResult(new List<AuditEvent>());
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
            throw PolicyRefusedException.Because("Y6.2", "account.not-security-manager",
                "アカウントの管理はシステムセキュリティ責任者が行います。");
    }
}
