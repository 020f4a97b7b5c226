using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y6.3(1): a password is valid for the book's number of days (90 in Nagano).</summary>
[Name("Password expired"), Tag("Y6.3")]
internal sealed class PasswordExpiredRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Moment moment = default!;
        PasswordAge age = default!;
        When()
            .Match(() => policy)
            .Match(() => moment)
            .Match(() => age, a => moment.At >= a.SetAt.AddDays(policy.Book.PasswordPolicy.ValidDays));
        Then().Do(ctx =>
            ctx.Insert(new PasswordExpiredDecision(age.SetAt.AddDays(policy.Book.PasswordPolicy.ValidDays))));
    }
}
