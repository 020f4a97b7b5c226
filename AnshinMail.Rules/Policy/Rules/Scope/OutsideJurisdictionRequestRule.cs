using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>
/// T3(2), Y11.4: a station targeting areas outside its jurisdiction asks the division in charge
/// (the HQ duty desk at night and on holidays) to send there.
/// </summary>
[Name("Outside jurisdiction needs a distribution request"), Tag("T3(2)"), Tag("Y11.4")]
internal sealed class OutsideJurisdictionRequestRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Moment moment = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => moment)
            .Match(() => draft, d => !d.Unit.IsHq && d.TargetAreas.Any(a => !d.Unit.Jurisdiction.Contains(a)));
        Then().Do(ctx => Request(ctx, policy, draft, moment.DutySystem));
    }

    private static void Request(NRules.RuleModel.IContext ctx, PolicyContext policy, DraftFact draft, bool night)
    {
        var outside = draft.TargetAreas.Where(a => !draft.Unit.Jurisdiction.Contains(a)).ToList();
        var division = policy.DivisionInCharge(draft);
        var receiver = policy.RequestReceiver(draft, night);
        ctx.Insert(new DistributionRequestDecision(receiver, outside, division));
        var to = night ? $"「{policy.UnitName(receiver)}」（夜間・休日。主管課は{policy.UnitName(division)}）"
            : $"「{policy.UnitName(receiver)}」";
        ctx.Insert(Finding.Warn("T3(2)", "scope.distribution-request",
            $"自署管内以外（{string.Join("、", outside)}）は{to}への配信要請になります。自署からの配信は管内に限られます。"));
    }
}
