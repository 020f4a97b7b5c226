using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>T3(2) ただし書き: a station sends to its own areas; an HQ division to any area.</summary>
[Name("Areas this unit sends to"), Tag("T3(2)")]
internal sealed class SendAreasRule : Rule
{
    public override void Define()
    {
        DraftFact draft = default!;
        When().Match(() => draft);
        Then().Do(ctx => ctx.Insert(new SendAreasDecision(draft.Unit.IsHq
            ? draft.TargetAreas
            : draft.TargetAreas.Where(a => draft.Unit.Jurisdiction.Contains(a)).ToList())));
    }
}
