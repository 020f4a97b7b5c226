using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.4: an emergency send needs the judgement of the unit's distributor on every condition, and an
/// operator of that unit (Y9.3); anything less is refused.</summary>
[Name("Emergency send not justified"), Tag("Y9.4")]
internal sealed class EmergencyIncompleteBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        EmergencyFact emergency = default!;
        Actor actor = default!;
        When()
            .Match(() => policy)
            .Match(() => draft)
            .Match(() => actor)
            .Match(() => emergency, e => !e.DecidedBy.Has(Role.Distributor)
                || e.DecidedBy.UnitId != draft.Unit.Id || !policy.EmergencyComplete(e)
                || actor.Person.UnitId != draft.Unit.Id);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y9.4", "send.emergency-not-justified",
            "時間外の緊急配信は、情報配信者が次のすべてに該当すると認めた場合に限られます: "
            + string.Join("／", policy.Book.EmergencyConditions.Select(c => c.Text)))));
    }
}
