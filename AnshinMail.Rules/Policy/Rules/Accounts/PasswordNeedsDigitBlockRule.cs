using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y6.3(2): digits mixed in: at least one ASCII digit.</summary>
[Name("Password needs a digit"), Tag("Y6.3")]
internal sealed class PasswordNeedsDigitBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        PasswordCandidate candidate = default!;
        When()
            .Match(() => policy, p => p.Book.PasswordPolicy.RequireDigit)
            .Match(() => candidate, c => !c.Password.Any(char.IsAsciiDigit));
        Then().Do(ctx => ctx.Insert(Finding.Block("Y6.3", "password.needs-digit",
            "パスワードには数字（0〜9）を含めてください。")));
    }
}
