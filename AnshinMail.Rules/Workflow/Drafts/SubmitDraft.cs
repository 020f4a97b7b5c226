using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Drafts;

/// <summary>Y9.2: the author (or a colleague) hands the draft to the approvers.</summary>
public sealed class SubmitDraft(WorkflowContext w)
{
    /// <summary>Submits draft <paramref name="draftId"/> for approval; refused when its verdict blocks.</summary>
    public Task<Draft> RunAsync(Person actor, long draftId, CancellationToken ct = default) =>
        w.Run(actor, "draft.submit", Refusal.Id(draftId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            var draft = await w.LoadDraft(draftId, ct);
            w.Access.RequireOwnUnit(actor, draft.UnitId);
            draft.Submit(w.Now);
            await w.Check(actor, draft, ct);
            return draft;
        }, null, ct);
}
