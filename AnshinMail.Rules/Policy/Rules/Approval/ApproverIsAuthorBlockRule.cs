using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2: where the book says so, the approver is not the author (a second pair of eyes).</summary>
[Name("Approver is the author"), Tag("Y9.2")]
internal sealed class ApproverIsAuthorBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Intent intent = default!;
        DraftFact draft = default!;
        ApprovalFact approval = default!;
        When()
            .Match(() => policy, p => p.Book.Approval.ApproverMustDifferFromAuthor)
            .Match(() => intent, i => i.Stage == PolicyStage.Approve)
            .Match(() => draft)
            .Match(() => approval, a => a.Approver.Id == draft.AuthorId);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y9.2", "approval.self",
            "作成者本人は承認できません。別の承認者に承認を受けてください。")));
    }
}
