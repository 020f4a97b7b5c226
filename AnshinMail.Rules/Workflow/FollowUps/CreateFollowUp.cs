using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Drafts;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.FollowUps;

/// <summary>Y11.3: a resolution, correction or supplement of a sent alert, prefilled from the original.</summary>
public sealed class CreateFollowUp(WorkflowContext w)
{
    /// <summary>Starts a follow-up draft of <paramref name="kind"/> for alert <paramref name="alertId"/>, prefilled
    /// from it (or from <paramref name="input"/> when given).</summary>
    public Task<Draft> RunAsync(
        Person actor, long alertId, FollowUpKind kind, DraftInput? input = null, CancellationToken ct = default) =>
        w.Run(actor, "draft.follow-up", null, async () =>
        {
            UnitAccess.RequireWriter(actor);
            Refusal.Require(Enum.IsDefined(kind), "Y11.3", "follow-up.kind", "解除・修正・補足のいずれかを選んでください。");
            var original = await w.LoadAlert(alertId, ct);
            Refusal.Require(original.FollowUpKind is null, "Y11.3", "follow-up.of-follow-up",
                "解除・修正・補足は、最初に配信した情報に対して作成してください。");
            var source = await w.Db.Drafts.AsNoTracking().SingleAsync(d => d.Id == original.DraftId, ct);
            input ??= FollowUpPrefill.For(kind, source.ToInput(), original.Areas);
            DraftValidation.Validate(w.Book, input);
            var requesting = actor.UnitId == original.UnitId ? source.RequestingUnitId : null;
            var draft = Draft.Write(actor, input, w.Now, new DraftOrigin(requesting, alertId, kind));
            await w.Check(actor, draft, ct);
            return await w.SaveNew(actor, draft, ct);
        }, d => Refusal.Id(d.Id), ct);
}
