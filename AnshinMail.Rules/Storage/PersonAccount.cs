using System.Security.Cryptography;
using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

/// <summary>Y6, Y7.2: one person's account, bound to one unit.</summary>
public sealed class PersonAccount
{
    /// <summary>The account's row number, assigned by the database.</summary>
    public int Id { get; set; }
    /// <summary>The user ID issued by the security manager (Y6.2).</summary>
    public required string UserId { get; set; }
    /// <summary>The person's name as colleagues read it (e.g. 長野 太郎).</summary>
    public required string DisplayName { get; set; }
    /// <summary>Y7.2: the id of the one unit the person acts for.</summary>
    public required string UnitId { get; set; }
    /// <summary>Y5: the roles the security manager gave the person.</summary>
    public List<Role> Roles { get; set; } = [];
    /// <summary>The password hash (ASP.NET Core Identity's hasher).</summary>
    public required string PasswordHash { get; set; }
    /// <summary>Y6.3: when the password was last set (it expires after the book's valid days).</summary>
    public DateTimeOffset PasswordSetAt { get; set; }
    /// <summary>Y6.2: the initial password must be replaced at first sign-in.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>Failed sign-ins in a row; the book's threshold locks the account.</summary>
    public int FailedSignIns { get; set; }
    /// <summary>Y6.3: until when the account is locked after failed sign-ins.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>Y6.2: the account can no longer sign in.</summary>
    public bool Disabled { get; set; }
    /// <summary>When the security manager issued it.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Where notices to this person go (approval awaited, requests, owed reports); none when
    /// empty.</summary>
    public string? NotificationAddress { get; private set; }
    /// <summary>Y7.1: carried by every session; a new value ends every live session of the account.</summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    /// <summary>The person as the policy and the workflow see them: user ID, unit and roles.</summary>
    public Person ToPerson() => new(UserId, UnitId, Roles.ToHashSet());

    /// <summary>Y6.3: a new password; every other session ends.</summary>
    public void SetPassword(string hash, DateTimeOffset now)
    {
        PasswordHash = hash;
        PasswordSetAt = now;
        MustChangePassword = false;
        RotateSecurityStamp();
    }

    /// <summary>Y6.2: the account can no longer sign in, and its live sessions end.</summary>
    public void Disable()
    {
        Disabled = true;
        RotateSecurityStamp();
    }

    /// <summary>Y5: other roles; live sessions end, and the next sign-in carries the new ones.</summary>
    public void ChangeRoles(IEnumerable<Role> roles)
    {
        Roles = roles.Distinct().ToList();
        RotateSecurityStamp();
    }

    /// <summary>The holder or the security manager sets or clears the address notices go to.</summary>
    public void SetNotificationAddress(string? address)
    {
        var value = address?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            NotificationAddress = null;
            return;
        }
        Workflow.Refusal.Require(value.Length <= 254 && !value.Any(char.IsControl)
            && MimeKit.MailboxAddress.TryParse(value, out var parsed) && parsed.Address == value
            && value.Contains('@'), "Y6.2", "account.notification-address",
            "通知先のメールアドレスを正しく入力してください（例: name@example.jp）。");
        NotificationAddress = value;
    }

    /// <summary>Ends every live session of the account (they carry the stamp).</summary>
    public void RotateSecurityStamp() => SecurityStamp = NewStamp();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
