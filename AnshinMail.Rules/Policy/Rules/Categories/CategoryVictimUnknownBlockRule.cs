using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y8: a category defined by its victim needs the victim's age (and sex, where it matters).</summary>
[Name("Victim unknown for victim-defined category"), Tag("Y8")]
internal sealed class CategoryVictimUnknownBlockRule : Rule
{
    public override void Define()
    {
        DraftFact draft = default!;
        When().Match(() => draft, d => d.Category.Victim != null
            && (d.Victim == null || d.Victim.Age == null || (d.Category.Victim.Sex != null && d.Victim.Sex == null)));
        Then().Do(ctx => ctx.Insert(Finding.Block("Y8", "category.victim-unknown",
            $"「{draft.Category.Name}」では被害者の年齢{(draft.Category.Victim!.Sex != null ? "と性別" : "")}を入力してください。")));
    }
}
