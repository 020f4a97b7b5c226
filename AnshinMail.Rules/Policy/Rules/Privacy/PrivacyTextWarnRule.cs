using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y11.1: text that may identify a victim: other phone numbers, house numbers, names, schools.</summary>
[Name("Privacy text check"), Tag("Y11.1")]
internal sealed class PrivacyTextWarnRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        DraftFact draft = default!;
        When()
            .Match(() => policy)
            .Match(() => draft);
        Then().Do(ctx => ctx.InsertAll(policy.Scanner.Scan(draft.Fields.Texts(), ContactPhones(draft))));
    }

    private static string[] ContactPhones(DraftFact d) =>
        d.RequestingUnit is null ? [d.Unit.Phone] : [d.Unit.Phone, d.RequestingUnit.Phone];
}
