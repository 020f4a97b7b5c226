using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.4: outside sending hours, without the distributor's full emergency judgement, hold until the next
/// opening.</summary>
[Name("Outside sending hours"), Tag("Y9.4")]
internal sealed class OutsideSendingHoursHoldRule : Rule
{
    public override void Define()
    {
        Moment moment = default!;
        When()
            .Exists<DraftFact>()
            .Match(() => moment, m => !m.InsideSendingHours)
            .Not<EmergencyFact>();
        Then().Do(ctx => ctx.Insert(new SendDecision(SendTiming.Hold, moment.NextOpening)));
    }
}
