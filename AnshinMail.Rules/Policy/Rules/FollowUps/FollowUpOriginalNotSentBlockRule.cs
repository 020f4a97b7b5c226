using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.2, Y11.3: follow-ups refer to an alert that was actually sent.</summary>
[Name("Follow-up of an unsent alert"), Tag("Y11.3")]
internal sealed class FollowUpOriginalNotSentBlockRule : Rule
{
    public override void Define()
    {
        FollowUpFact followUp = default!;
        When().Match(() => followUp, f => !f.Original.Sent);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y11.3", "follow-up.original-not-sent",
            "解除・修正・補足は、配信済みの情報に対してのみ行えます。")));
    }
}
