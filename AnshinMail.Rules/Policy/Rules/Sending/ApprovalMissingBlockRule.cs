using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y9.2, Y9.3: nothing is sent without an approval.</summary>
[Name("Send without approval"), Tag("Y9.3")]
internal sealed class ApprovalMissingBlockRule : Rule
{
    public override void Define()
    {
        Intent intent = default!;
        When()
            .Match(() => intent, i => i.Stage == PolicyStage.Send)
            .Exists<DraftFact>()
            .Not<ApprovalFact>();
        Then().Do(ctx => ctx.Insert(Finding.Block("Y9.3", "send.not-approved",
            "承認されていない配信文は配信できません。")));
    }
}
