using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>T3(2): the division in charge the writer picks is one of the book's HQ divisions.</summary>
[Name("Division in charge is an HQ division"), Tag("T3(2)")]
internal sealed class UnknownDivisionBlockRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft, d => d.DivisionInCharge != null && !policy.IsDivision(d.DivisionInCharge));
        Then().Do(ctx => ctx.Insert(Finding.Block("T3(2)", "scope.unknown-division",
            "事案を主管する本部主管課は、本部の課の一覧から選んでください。")));
    }
}
