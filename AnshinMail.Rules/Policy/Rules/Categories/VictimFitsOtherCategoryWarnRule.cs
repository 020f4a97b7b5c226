using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>
/// Y8 (both ways): a child or a woman entered as the victim under a category that names no victim (防犯情報 in
/// Nagano) gets a warning naming the category they fit (子供安全情報, 女性安全情報); the category also decides the
/// Yahoo!防災速報 relay (T4(2)).
/// </summary>
[Name("Victim fits another category"), Tag("Y8")]
internal sealed class VictimFitsOtherCategoryWarnRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft, d => d.Category.VictimFitWarning && d.Victim != null
                && policy.VictimCategoryFor(d.Victim) != null);
        Then().Do(ctx => ctx.Insert(Finding.Warn("Y8", "category.victim-fits-other", Message(policy, draft))));
    }

    private static string Message(PolicyContext policy, DraftFact draft)
    {
        var fit = policy.VictimCategoryFor(draft.Victim!)!;
        // The definition comes first: a clerk in a hurry must not reclassify a bag snatch because the victim is a
        // woman; only a case the definition names belongs to the other category.
        return $"事案が「{fit.Definition}」に当たるときは、「{draft.Category.Name}」ではなく「{fit.Name}」で作成してください"
            + $"（被害者の年齢・性別は「{fit.Name}」の対象です。Yahoo!防災速報への情報提供の扱いも変わります）。"
            + "当たらないときは、このままで構いません。";
    }
}
