using AnshinMail.Rules.PolicyBooks;
using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>T4(2) なお書き: 防犯情報 is relayed only with a risk of physical harm (weapons, dangerous animals).</summary>
[Name("Yahoo relay: physical harm"), Tag("T4(2)")]
internal sealed class YahooRelayPhysicalHarmRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft, d => d.Category.YahooRelay == YahooRelayMode.PhysicalHarmOnly
                && d.Harm != PhysicalHarm.None);
        Then().Do(ctx => ctx.Insert(new YahooRelayDecision(policy.Book.Offices.YahooRelayUnit)));
    }
}
