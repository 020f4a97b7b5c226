using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>T3(2): when every target is outside the jurisdiction, the station itself sends nothing.</summary>
[Name("Nothing to send in own jurisdiction"), Tag("T3(2)")]
internal sealed class NoOwnAreaBlockRule : Rule
{
    public override void Define()
    {
        DraftFact draft = default!;
        When().Match(() => draft, d => d.TargetAreas.Count > 0 && !d.Unit.IsHq
            && d.TargetAreas.All(a => !d.Unit.Jurisdiction.Contains(a)));
        Then().Do(ctx => ctx.Insert(Finding.Block("T3(2)", "scope.no-own-area",
            "配信先に自署管内が含まれていません。管外への配信は配信要請で本部主管課に依頼してください。")));
    }
}
