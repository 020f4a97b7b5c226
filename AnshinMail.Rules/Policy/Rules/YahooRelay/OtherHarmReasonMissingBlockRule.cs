using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>T4(2) なお書き: 「その他身体に危害が及ぶおそれ」 needs its reason: the relay is for physical harm only.</summary>
[Name("Other physical harm needs a reason"), Tag("T4(2)")]
internal sealed class OtherHarmReasonMissingBlockRule : Rule
{
    public override void Define()
    {
        DraftFact draft = default!;
        When().Match(() => draft, d => d.Harm.HasFlag(PhysicalHarm.Other) && string.IsNullOrWhiteSpace(d.HarmReason));
        Then().Do(ctx => ctx.Insert(Finding.Block("T4(2)", "yahoo.harm-reason",
            "「その他身体に危害が及ぶおそれ」を選んだときは、その理由を入力してください。")));
    }
}
