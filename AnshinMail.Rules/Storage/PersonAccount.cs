using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

/// <summary>Y6, Y7.2: one person's account, bound to one unit.</summary>
public sealed class PersonAccount
{
    public int Id { get; set; }
    /// <summary>The user ID issued by the security manager (Y6.2).</summary>
    public required string UserId { get; set; }
    public required string DisplayName { get; set; }
    public required string UnitId { get; set; }
    public List<Role> Roles { get; set; } = [];
    public required string PasswordHash { get; set; }
    public DateTimeOffset PasswordSetAt { get; set; }
    /// <summary>Y6.2: the initial password must be replaced at first sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public Person ToPerson() => new(UserId, UnitId, Roles.ToHashSet());
}
