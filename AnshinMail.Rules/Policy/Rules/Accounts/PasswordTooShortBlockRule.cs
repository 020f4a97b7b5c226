using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y6.3(2): at least the book's minimum length (8 in Nagano).</summary>
[Name("Password too short"), Tag("Y6.3")]
internal sealed class PasswordTooShortBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        PasswordCandidate candidate = default!;
        When()
            .Match(() => policy)
            .Match(() => candidate, c => c.Password.Length < policy.Book.PasswordPolicy.MinLength);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y6.3", "password.too-short",
            $"パスワードは{policy.Book.PasswordPolicy.MinLength}文字以上にしてください。")));
    }
}
