using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y6.3, beyond the book's minimum: not a common password from the book's list (ignoring case).</summary>
[Name("Password is a common one"), Tag("Y6.3")]
internal sealed class PasswordCommonBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        PasswordCandidate candidate = default!;
        When()
            .Match(() => policy)
            .Match(() => candidate, c => policy.Book.PasswordPolicy.DeniedPasswords.Contains(c.Password));
        Then().Do(ctx => ctx.Insert(Finding.Block("Y6.3", "password.common",
            "よく使われていて推測されやすいパスワードです。別のパスワードにしてください。")));
    }
}
