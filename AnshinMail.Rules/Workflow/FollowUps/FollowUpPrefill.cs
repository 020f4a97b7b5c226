using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Workflow.FollowUps;

/// <summary>
/// Y11.2, Y11.3: what a new follow-up starts with, from the original. Every kind keeps the original's category,
/// areas and the facts the rules read (victim, border, physical harm: the same case). The text starts from the
/// headline only, so nothing re-announces the incident: a resolution adds the day and place that name the case
/// (「11月27日に長野市北部で発生した声かけ事案は…」), never 発生状況, the words or the person; a correction and a
/// supplement say only what is wrong, what is right and what is added.
/// </summary>
public static class FollowUpPrefill
{
    public static DraftInput For(FollowUpKind kind, DraftInput original, IReadOnlyList<string> areas)
    {
        var from = original.Fields;
        var fields = kind == FollowUpKind.Resolution
            ? new AlertFields { Headline = from.Headline, OccurredAt = from.OccurredAt, Place = from.Place }
            : new AlertFields { Headline = from.Headline };
        return original with { Fields = fields, TargetAreas = areas };
    }
}
