using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Drafts;

/// <summary>Y9.3: edits make a new version; an approval given before no longer covers it.</summary>
public sealed class EditDraft(WorkflowContext w)
{
    public Task<Draft> RunAsync(Person actor, long draftId, DraftInput input, CancellationToken ct = default) =>
        w.Run(actor, "draft.edit", Refusal.Id(draftId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            DraftValidation.Validate(w.Book, input);
            var draft = await w.LoadDraft(draftId, ct);
            w.Access.RequireOwnUnit(actor, draft.UnitId);
            if (!draft.Revise(input, w.Now)) return draft;
            await w.Check(actor, draft, ct);
            w.AddVersion(actor, draft);
            return draft;
        }, null, ct);
}
