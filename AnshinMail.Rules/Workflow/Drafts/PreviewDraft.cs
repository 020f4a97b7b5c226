using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Drafts;

/// <summary>Live preview: the rendered message and the findings, nothing saved, nothing audited.</summary>
public sealed class PreviewDraft(WorkflowContext w)
{
    /// <summary>The message <paramref name="input"/> would render to and the verdict for
    /// <paramref name="actor"/> now; nothing is saved.</summary>
    /// <param name="actor">Who previews (the verdict is theirs).</param>
    /// <param name="input">The form as typed.</param>
    /// <param name="origin">The edited draft's origin, so that a follow-up previews with its own template and a
    /// draft sent on request with the requesting unit's contact line (T3(3)), as it will be saved.</param>
    /// <param name="ct">Cancels the preview.</param>
    public async Task<DraftPreview> RunAsync(
        Person actor, DraftInput input, DraftOrigin? origin = null, CancellationToken ct = default)
    {
        DraftValidation.Validate(w.Book, input);
        var draft = Draft.Write(actor, input, w.Now, origin);
        return new DraftPreview(await w.Evaluate(actor, draft, ct), await w.Render(draft, ct)) { Window = w.Window() };
    }
}
