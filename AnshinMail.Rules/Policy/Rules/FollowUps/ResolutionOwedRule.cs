using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.2: a sent alert of a tracked category stays open until its resolution (解除) is sent.</summary>
[Name("Resolution owed"), Tag("Y11.2")]
internal sealed class ResolutionOwedRule : Rule
{
    public override void Define()
    {
        SentAlertFact alert = default!;
        When().Match(() => alert, a => a.Sent && !a.Resolved && a.Category.ResolutionTracked);
        Then().Do(ctx => ctx.Insert(new ResolutionOwedDecision(alert.Id)));
    }
}
