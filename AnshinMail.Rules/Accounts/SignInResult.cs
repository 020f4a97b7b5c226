using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Accounts;

/// <summary>How a sign-in attempt ended (Y6, Y7.3).</summary>
public enum SignInOutcome
{
    /// <summary>Signed in; may work.</summary>
    Success,
    /// <summary>Y6.2: the initial password must be replaced before anything else.</summary>
    MustChangePassword,
    /// <summary>Y6.3(1): the password expired; only a change is allowed.</summary>
    PasswordExpired,
    /// <summary>Too many failures; try again after <see cref="SignInResult.LockedUntil"/>. Audited as such, but
    /// answered like <see cref="Failed"/> (Y7.3: only existing IDs can be locked, so the words would tell).</summary>
    LockedOut,
    /// <summary>Wrong user ID or password, or a disabled account: the same answer for all (no enumeration).</summary>
    Failed,
}

/// <summary>The answer to a sign-in attempt: the outcome, the person when signed in, and the end of a
/// lockout.</summary>
public sealed record SignInResult(SignInOutcome Outcome, Person? Person = null, DateTimeOffset? LockedUntil = null)
{
    /// <summary>Whether a session starts (success, or signed in only to change the password).</summary>
    public bool SignedIn =>
        Outcome is SignInOutcome.Success or SignInOutcome.MustChangePassword or SignInOutcome.PasswordExpired;

    /// <summary>The message a sign-in page shows.</summary>
    public string Message => Outcome switch
    {
        SignInOutcome.Success => "",
        SignInOutcome.MustChangePassword => "初期パスワードを変更してください。",
        SignInOutcome.PasswordExpired => "パスワードの有効期限が切れています。新しいパスワードを設定してください。",
        // Y7.3: one answer for every failure, the lock included.
        _ => "ユーザIDまたはパスワードが正しくありません。失敗が続くと、しばらくログインできなくなります。"
            + "急ぐ場合はシステムセキュリティ責任者に相談してください。",
    };
}

/// <summary>An issued account and its initial password, shown once to the security manager.</summary>
public sealed record IssuedAccount(string UserId, string InitialPassword);
