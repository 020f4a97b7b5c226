using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.3, T3(3): the sending unit, or the unit that requested it, follows an alert up.</summary>
[Name("Follow-up by an unrelated unit"), Tag("Y11.3"), Tag("T3(3)")]
internal sealed class FollowUpOtherUnitBlockRule : Rule
{
    public override void Define()
    {
        Actor actor = default!;
        FollowUpFact followUp = default!;
        When()
            .Match(() => followUp)
            .Match(() => actor, a => a.Person.UnitId != followUp.Original.Unit.Id
                && (followUp.Original.RequestingUnit == null
                    || a.Person.UnitId != followUp.Original.RequestingUnit.Id));
        Then().Do(ctx => ctx.Insert(Finding.Block("Y11.3", "follow-up.other-unit",
            $"この情報の解除・修正・補足は配信所属（{followUp.Original.Unit.Name}）または配信要請所属が行います。")));
    }
}
