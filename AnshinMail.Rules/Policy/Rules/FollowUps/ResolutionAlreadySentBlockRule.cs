using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.2: an alert is resolved once.</summary>
[Name("Resolution already sent"), Tag("Y11.2")]
internal sealed class ResolutionAlreadySentBlockRule : Rule
{
    public override void Define()
    {
        FollowUpFact followUp = default!;
        When().Match(() => followUp, f => f.Kind == FollowUpKind.Resolution && f.Original.Resolved);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y11.2", "follow-up.already-resolved",
            "この情報には既に解除情報が配信されています。")));
    }
}
