using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.4: an incident near the border is shared with the neighbouring stations along that border.</summary>
[Name("Near border: share with neighbours"), Tag("Y11.4")]
internal sealed class NearBorderShareRequestRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft, d => d.NearBorder && !d.Unit.IsHq);
        Then().Do(ctx => Share(ctx, policy, draft));
    }

    private static void Share(NRules.RuleModel.IContext ctx, PolicyContext policy, DraftFact draft)
    {
        var to = draft.Unit.Neighbours.Where(n => n.Borders(draft.IncidentArea)).Select(n => n.Unit).ToList();
        ctx.InsertAll(to.Select(u => new ShareRequestDecision(u)));
        if (to.Count > 0)
            ctx.Insert(Finding.Info("Y11.4", "scope.share-request",
                "隣接署へ情報提供・配信要請を行います: " + string.Join("、", to.Select(policy.UnitName))));
    }
}
