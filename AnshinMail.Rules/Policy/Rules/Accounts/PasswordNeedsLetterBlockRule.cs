using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y6.3(2): letters (英文字) mixed in: at least one ASCII letter.</summary>
[Name("Password needs a letter"), Tag("Y6.3")]
internal sealed class PasswordNeedsLetterBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        PasswordCandidate candidate = default!;
        When()
            .Match(() => policy, p => p.Book.PasswordPolicy.RequireLetter)
            .Match(() => candidate, c => !c.Password.Any(char.IsAsciiLetter));
        Then().Do(ctx => ctx.Insert(Finding.Block("Y6.3", "password.needs-letter",
            "パスワードには英字（A〜Z、a〜z）を含めてください。")));
    }
}
