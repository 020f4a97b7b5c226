using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>
/// The pages that carry the draft form (write, edit, distribution request): the bound form, the
/// preview handler and the views of the form and preview partials.
/// </summary>
public abstract class DraftFormPageModel(WorkflowService workflow, PolicyBook book, PolicyEngine engine, TimeProvider clock) : StaffPageModel
{
    protected WorkflowService Workflow => workflow;
    protected PolicyBook Book => book;

    [BindProperty] public DraftForm Form { get; set; } = new();
    public DraftPreview? Preview { get; protected set; }
    public DraftFormView FormView => new(Form, book, Me.UnitId);
    public PreviewView PreviewView => new(Preview, book, engine.MomentOf(clock.GetUtcNow()).InsideSendingHours);

    /// <summary>Renders the typed form with the library; without script the preview button lands here, with it the live preview.</summary>
    protected async Task<IActionResult> ShowPreview()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            Preview = await workflow.PreviewAsync(Me, Form.ToInput(book));
            return Page();
        });
    }

    /// <summary>Form checks that are not policy: the attributes, and a readable date and time.</summary>
    protected bool CheckForm()
    {
        if (!string.IsNullOrWhiteSpace(Form.OccurredAt) && DraftForm.ParseLocal(book, Form.OccurredAt) is null)
            ModelState.AddModelError("Form.OccurredAt", "発生日時の形式が正しくありません。");
        return ModelState.IsValid;
    }
}
