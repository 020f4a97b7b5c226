using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y6.3, beyond the book's minimum: the password does not contain the user ID (ignoring case).</summary>
[Name("Password contains the user ID"), Tag("Y6.3")]
internal sealed class PasswordContainsUserIdBlockRule : Rule
{
    public override void Define()
    {
        Actor actor = default!;
        PasswordCandidate candidate = default!;
        When()
            .Match(() => actor, a => a.Person.Id.Length > 0)
            .Match(() => candidate, c => c.Password.Contains(actor.Person.Id, StringComparison.OrdinalIgnoreCase));
        Then().Do(ctx => ctx.Insert(Finding.Block("Y6.3", "password.contains-user-id",
            "パスワードにユーザIDを含めないでください。")));
    }
}
