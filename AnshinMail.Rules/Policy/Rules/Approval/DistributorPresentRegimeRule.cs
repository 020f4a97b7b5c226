using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2 本文: in working hours, with the distributor present — or absent where the book has no deputy — the
/// distributor approves.</summary>
[Name("Distributor regime"), Tag("Y9.2")]
internal sealed class DistributorPresentRegimeRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Moment moment = default!;
        Presence presence = default!;
        When()
            .Match(() => policy)
            .Match(() => moment, m => !m.DutySystem)
            .Match(() => presence,
                p => !p.DistributorAbsent || !policy.Book.Approval.PrOfficerApprovesWhenDistributorAbsent);
        Then().Do(ctx => ctx.Insert(new RegimeDecision(ApprovalRegime.Distributor)));
    }
}
