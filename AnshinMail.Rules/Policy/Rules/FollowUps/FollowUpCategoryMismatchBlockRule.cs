using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.3: a follow-up keeps the category of the alert it follows.</summary>
[Name("Follow-up changes category"), Tag("Y11.3")]
internal sealed class FollowUpCategoryMismatchBlockRule : Rule
{
    public override void Define()
    {
        FollowUpFact followUp = default!;
        DraftFact draft = default!;
        When()
            .Match(() => followUp)
            .Match(() => draft, d => d.Category.Id != followUp.Original.Category.Id);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y11.3", "follow-up.category",
            $"元の情報と同じ情報種別（{followUp.Original.Category.Name}）で作成してください。")));
    }
}
