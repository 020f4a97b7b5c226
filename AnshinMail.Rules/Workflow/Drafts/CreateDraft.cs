using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Drafts;

/// <summary>Y9.1: a staff member writes a draft for their own unit.</summary>
public sealed class CreateDraft(WorkflowContext w)
{
    /// <summary>Validates <paramref name="input"/> and saves it as version 1 of a new draft of <paramref
    /// name="actor"/>'s unit.</summary>
    public Task<Draft> RunAsync(Person actor, DraftInput input, CancellationToken ct = default) =>
        w.Run(actor, "draft.create", null, async () =>
        {
            UnitAccess.RequireWriter(actor);
            DraftValidation.Validate(w.Book, input);
            var draft = Draft.Write(actor, input, w.Now);
            await w.Check(actor, draft, ct);
            return await w.SaveNew(actor, draft, ct);
        }, d => Refusal.Id(d.Id), ct);
}
