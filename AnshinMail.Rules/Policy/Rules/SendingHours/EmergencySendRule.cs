using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.4 ただし書き: outside hours, the unit's distributor judged all four conditions met: send now.</summary>
[Name("Emergency send"), Tag("Y9.4")]
public sealed class EmergencySendRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Moment moment = default!;
        DraftFact draft = default!;
        EmergencyFact emergency = default!;
        When()
            .Match(() => policy)
            .Match(() => moment, m => !m.InsideSendingHours)
            .Match(() => draft)
            .Match(() => emergency, e => e.DecidedBy.Has(Role.Distributor)
                && e.DecidedBy.UnitId == draft.Unit.Id && policy.EmergencyComplete(e));
        Then().Do(ctx => ctx.Insert(new SendDecision(SendTiming.Emergency, moment.At)));
    }
}
