using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y6.3(1)(3): renewing means a different password.</summary>
[Name("Password unchanged"), Tag("Y6.3")]
internal sealed class PasswordUnchangedBlockRule : Rule
{
    public override void Define()
    {
        PasswordCandidate candidate = default!;
        When().Match(() => candidate, c => c.SameAsCurrent);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y6.3", "password.unchanged",
            "現在のパスワードとは異なるパスワードにしてください。")));
    }
}
