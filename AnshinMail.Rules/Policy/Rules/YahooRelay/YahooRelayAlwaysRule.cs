using AnshinMail.Rules.PolicyBooks;
using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>T4(2): categories relayed to Yahoo!防災速報 whatever their content (子供・女性安全情報).</summary>
[Name("Yahoo relay: always"), Tag("T4(2)")]
internal sealed class YahooRelayAlwaysRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft, d => d.Category.YahooRelay == YahooRelayMode.Always);
        Then().Do(ctx => ctx.Insert(new YahooRelayDecision(policy.Book.Offices.YahooRelayUnit)));
    }
}
