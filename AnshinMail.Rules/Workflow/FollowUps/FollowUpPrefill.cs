using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Workflow.FollowUps;

/// <summary>
/// Y11.2, Y11.3: what a new follow-up starts with, from the original. Every kind keeps the original's category,
/// areas and the facts the rules read (victim, border, physical harm: the same case), its headline and its advice
/// (呼びかけ, which stays valid and is what CAP's &lt;instruction&gt; of an Update carries). Nothing re-announces the
/// incident: a resolution adds only the day and place that name the case (「11月27日に長野市北部で発生した声かけ
/// 事案は…」), never 発生状況, the words or the person; a correction and a supplement start without text.
/// </summary>
internal static class FollowUpPrefill
{
    public static DraftInput For(FollowUpKind kind, DraftInput original, IReadOnlyList<string> areas)
    {
        var from = original.Fields;
        var fields = new AlertFields { Headline = from.Headline, Advice = from.Advice };
        if (kind == FollowUpKind.Resolution) fields = fields with { OccurredAt = from.OccurredAt, Place = from.Place };
        return original with { Fields = fields, TargetAreas = areas };
    }
}
