using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.1: approval needs every privacy confirmation of the book.</summary>
[Name("Privacy confirmations missing"), Tag("Y11.1")]
internal sealed class PrivacyConfirmationsMissingBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Intent intent = default!;
        ApprovalFact approval = default!;
        When()
            .Match(() => policy)
            .Match(() => intent, i => i.Stage == PolicyStage.Approve)
            .Match(() => approval, a => policy.MissingConfirmations(a).Any());
        Then().Do(ctx => ctx.Insert(Finding.Block("Y11.1", "approval.confirmations-missing",
            "次の確認がされていません: " + string.Join("／", policy.MissingConfirmations(approval).Select(c => c.Text)))));
    }
}
