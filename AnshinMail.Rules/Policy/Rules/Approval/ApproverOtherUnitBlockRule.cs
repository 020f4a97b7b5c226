using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2, Y7.2: approval comes from the draft's own unit.</summary>
[Name("Approver of another unit"), Tag("Y9.2"), Tag("Y7.2")]
internal sealed class ApproverOtherUnitBlockRule : Rule
{
    public override void Define()
    {
        Intent intent = default!;
        DraftFact draft = default!;
        ApprovalFact approval = default!;
        When()
            .Match(() => intent, i => i.Stage == PolicyStage.Approve)
            .Match(() => draft)
            .Match(() => approval, a => a.Approver.UnitId != draft.Unit.Id);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y9.2", "approval.other-unit",
            $"他所属の職員は承認できません。「{draft.Unit.Name}」の承認者が承認してください。")));
    }
}
