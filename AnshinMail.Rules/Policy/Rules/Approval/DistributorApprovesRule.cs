using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2: the unit's distributor may always approve, and owes no report to anyone.</summary>
[Name("Distributor approves"), Tag("Y9.2")]
internal sealed class DistributorApprovesRule : Rule
{
    public override void Define()
    {
        Intent intent = default!;
        ApprovalFact approval = default!;
        When()
            .Match(() => intent, i => i.Stage == PolicyStage.Approve)
            .Match(() => approval, a => a.Approver.Has(Role.Distributor));
        Then().Do(ctx => ctx.Insert(new ApproverDecision(ApprovalRegime.Distributor, false)));
    }
}
