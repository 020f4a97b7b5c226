using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Accounts;

internal static class PasswordExpiry
{
    /// <summary>Y6.3(1): whether the account's password is past the book's validity at the instant.</summary>
    public static bool PasswordExpired(this PolicyEngine engine, PersonAccount account, DateTimeOffset now) =>
        engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration,
            At = now,
            Actor = account.ToPerson(),
            PasswordAge = new PasswordAge(account.PasswordSetAt),
        }).PasswordExpired is not null;
}
