using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2 なお書き: during the duty system the duty officer approves.</summary>
[Name("Duty system regime"), Tag("Y9.2")]
internal sealed class DutySystemRegimeRule : Rule
{
    public override void Define()
    {
        Moment moment = default!;
        When().Match(() => moment, m => m.DutySystem);
        Then().Do(ctx => ctx.Insert(new RegimeDecision(ApprovalRegime.DutyOfficer)));
    }
}
