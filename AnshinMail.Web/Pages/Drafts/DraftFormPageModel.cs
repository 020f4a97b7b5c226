using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>
/// The pages that carry the draft form (write, edit, distribution request): the bound form, the
/// preview handler and the views of the form and preview partials.
/// </summary>
public abstract class DraftFormPageModel(WorkflowContext workflow, PolicyBook book) : StaffPageModel
{
    protected WorkflowContext Workflow => workflow;
    protected PolicyBook Book => book;

    [BindProperty] public DraftForm Form { get; set; } = new();
    public DraftPreview? Preview { get; protected set; }
    public DraftFormView FormView => new(Form, book, Me.UnitId);
    public PreviewView PreviewView => new(Preview, book);

    /// <summary>Renders the typed form with the library; without script the preview button lands here, with it the live
    /// preview.</summary>
    protected async Task<IActionResult> ShowPreview()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            Preview = await new PreviewDraft(workflow).RunAsync(Me, Form.ToInput(book));
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
