using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.3: the approval covers exactly this content; an edit after approval voids it.</summary>
[Name("Approval does not cover this content"), Tag("Y9.3")]
internal sealed class ApprovalStaleBlockRule : Rule
{
    public override void Define()
    {
        Intent intent = default!;
        DraftFact draft = default!;
        ApprovalFact approval = default!;
        When()
            .Match(() => intent, i => i.Stage == PolicyStage.Send)
            .Match(() => draft)
            .Match(() => approval, a => a.ContentHash != draft.ContentHash);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y9.3", "send.approval-stale",
            "承認後に内容が変更されています。改めて承認を受けてください。")));
    }
}
