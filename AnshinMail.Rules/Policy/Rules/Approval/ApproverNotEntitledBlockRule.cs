using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2: nobody but the regime's approver (or the distributor) may approve.</summary>
[Name("Approver not entitled"), Tag("Y9.2"), Priority(-10)]
internal sealed class ApproverNotEntitledBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Intent intent = default!;
        RegimeDecision regime = default!;
        ApprovalFact approval = default!;
        When()
            .Match(() => policy)
            .Match(() => intent, i => i.Stage == PolicyStage.Approve)
            .Match(() => regime)
            .Match(() => approval)
            .Not<ApproverDecision>();
        Then().Do(ctx => ctx.Insert(Finding.Block("Y9.2", "approval.not-entitled", Message(regime.Regime,
            policy.Book.Approval.PrOfficerApprovesWhenDistributorAbsent))));
    }

    private static string Message(ApprovalRegime regime, bool deputy) => regime switch
    {
        ApprovalRegime.Distributor when !deputy => "承認できるのは情報配信者（所属長）です。",
        ApprovalRegime.DutyOfficer => "当直体制中です。承認できるのは情報配信者または当直責任者です。",
        ApprovalRegime.PrOfficer => "情報配信者が不在のため、承認できるのは広報活動責任者です。",
        _ => "承認できるのは情報配信者（所属長）です。不在の場合は広報活動責任者が不在を明示して承認してください。",
    };
}
