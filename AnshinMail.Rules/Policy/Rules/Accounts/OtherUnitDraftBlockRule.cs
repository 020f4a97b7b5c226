using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y7.2: a person drafts, approves and sends only for their own unit.</summary>
[Name("Acting for another unit"), Tag("Y7.2")]
internal sealed class OtherUnitDraftBlockRule : Rule
{
    public override void Define()
    {
        Actor actor = default!;
        DraftFact draft = default!;
        When()
            .Match(() => draft)
            .Match(() => actor, a => a.Person.UnitId != draft.Unit.Id);
        Then().Do(ctx => ctx.Insert(Finding.Block("Y7.2", "unit.other",
            $"他所属（{draft.Unit.Name}）の配信文は扱えません。自所属の業務に限られます。")));
    }
}
