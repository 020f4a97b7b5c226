using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.4: inside sending hours an approved alert goes out now.</summary>
[Name("Inside sending hours"), Tag("Y9.4")]
internal sealed class InsideSendingHoursSendNowRule : Rule
{
    public override void Define()
    {
        Moment moment = default!;
        When()
            .Exists<DraftFact>()
            .Match(() => moment, m => m.InsideSendingHours);
        Then().Do(ctx => ctx.Insert(new SendDecision(SendTiming.Now, moment.At)));
    }
}
