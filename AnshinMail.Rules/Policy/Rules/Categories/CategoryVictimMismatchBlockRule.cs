using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y8: the victim must fit the category (e.g. 子供安全情報 ≤ 18, 女性安全情報 female ≥ 19).</summary>
[Name("Victim does not fit category"), Tag("Y8")]
internal sealed class CategoryVictimMismatchBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft, d => d.Victim != null && d.Category.Victim != null
                && d.Victim.Age != null && (d.Category.Victim.Sex == null || d.Victim.Sex != null)
                && !d.Category.Victim.Admits(d.Victim.Age, d.Victim.Sex));
        Then().Do(ctx => ctx.Insert(Finding.Block("Y8", "category.victim-mismatch",
            $"被害者の年齢・性別が「{draft.Category.Name}」に当たりません。「{policy.RightCategoryFor(draft.Victim!)!.Name}」で作成してください。")));
    }
}
