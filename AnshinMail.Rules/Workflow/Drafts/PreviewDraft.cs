using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Drafts;

/// <summary>Live preview: the rendered message and the findings, nothing saved, nothing audited.</summary>
public sealed class PreviewDraft(WorkflowContext w)
{
    public async Task<DraftPreview> RunAsync(
        Person actor, DraftInput input, long? followUpOfAlertId = null, FollowUpKind? kind = null,
        CancellationToken ct = default)
    {
        DraftValidation.Validate(w.Book, input);
        var origin = new DraftOrigin(FollowUpOfAlertId: followUpOfAlertId, FollowUpKind: kind);
        var draft = Draft.Write(actor, input, w.Now, origin);
        return new DraftPreview(await w.Evaluate(actor, draft, ct), await w.Render(draft, ct)) { Window = w.Window() };
    }
}
