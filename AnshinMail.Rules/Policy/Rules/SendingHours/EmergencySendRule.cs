using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.4 ただし書き, Y9.3: outside hours, the unit's distributor judged all four conditions met: staff of the
/// unit (or the distributor) send now.</summary>
[Name("Emergency send"), Tag("Y9.4")]
internal sealed class EmergencySendRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Moment moment = default!;
        DraftFact draft = default!;
        EmergencyFact emergency = default!;
        Actor actor = default!;
        When()
            .Match(() => policy)
            .Match(() => moment, m => !m.InsideSendingHours)
            .Match(() => draft)
            .Match(() => emergency, e => e.DecidedBy.Has(Role.Distributor)
                && e.DecidedBy.UnitId == draft.Unit.Id && policy.EmergencyComplete(e))
            .Match(() => actor, a => a.Person.UnitId == draft.Unit.Id);
        Then().Do(ctx => ctx.Insert(new SendDecision(SendTiming.Emergency, moment.At)));
    }
}
