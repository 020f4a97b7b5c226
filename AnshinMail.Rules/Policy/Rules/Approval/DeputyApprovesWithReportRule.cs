using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>
/// Y9.2: the PR officer (distributor absent) or the duty officer (duty system) approves in the
/// distributor's stead and owes an after-the-fact report (事後報告) to the distributor.
/// </summary>
[Name("Deputy approves with report"), Tag("Y9.2")]
internal sealed class DeputyApprovesWithReportRule : Rule
{
    public override void Define()
    {
        Intent intent = default!;
        RegimeDecision regime = default!;
        ApprovalFact approval = default!;
        When()
            .Match(() => intent, i => i.Stage == PolicyStage.Approve)
            .Match(() => regime, r => r.Regime != ApprovalRegime.Distributor)
            .Match(() => approval, a => !a.Approver.Has(Role.Distributor)
                && a.Approver.Has(regime.Regime == ApprovalRegime.PrOfficer ? Role.PrOfficer : Role.DutyOfficer)
                && (regime.Regime != ApprovalRegime.PrOfficer || a.DistributorAbsent));
        Then().Do(ctx => ctx.Insert(new ApproverDecision(regime.Regime, true)));
    }
}
