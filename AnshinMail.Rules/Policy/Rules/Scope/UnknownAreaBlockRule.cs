using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>T3(2): target areas are those of the policy book, and there is at least one.</summary>
[Name("Unknown or missing target area"), Tag("T3(2)")]
internal sealed class UnknownAreaBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft, d => d.TargetAreas.Count == 0 || d.TargetAreas.Any(a => !policy.KnowsArea(a)));
        Then().Do(ctx => ctx.Insert(Finding.Block("T3(2)", "scope.unknown-area", draft.TargetAreas.Count == 0
            ? "配信先の地域を1つ以上選んでください。"
            : "配信先に未知の地域があります: " + string.Join("、", draft.TargetAreas.Where(a => !policy.KnowsArea(a))))));
    }
}
