using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2 ただし書き: outside the duty system, with the distributor absent, the PR officer approves (where the
/// book has that deputy).</summary>
[Name("Distributor absent regime"), Tag("Y9.2")]
internal sealed class DistributorAbsentRegimeRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Moment moment = default!;
        Presence presence = default!;
        When()
            .Match(() => policy, p => p.Book.Approval.PrOfficerApprovesWhenDistributorAbsent)
            .Match(() => moment, m => !m.DutySystem)
            .Match(() => presence, p => p.DistributorAbsent);
        Then().Do(ctx => ctx.Insert(new RegimeDecision(ApprovalRegime.PrOfficer)));
    }
}
