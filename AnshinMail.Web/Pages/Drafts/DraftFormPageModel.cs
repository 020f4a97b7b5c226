using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
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
    public PolicyBook Book => book;

    [BindProperty] public DraftForm Form { get; set; } = new();
    public DraftPreview? Preview { get; protected set; }
    /// <summary>The saved draft being edited; null for a new one. A follow-up's kind picks the form's fields.</summary>
    protected Draft? Edited { get; set; }
    public DraftFormView FormView => new(Form, book, Me.UnitId, Edited?.FollowUpKind);
    public PreviewView PreviewView => new(Preview, book);

    /// <summary>What was typed, as the library takes it (for a follow-up, with what its form does not show).</summary>
    protected DraftInput Input() => Form.ToInput(book, Edited);

    /// <summary>
    /// Renders the typed form with the library; without script the preview button lands here, with it the live preview.
    /// </summary>
    protected async Task<IActionResult> ShowPreview()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            // The edited draft's origin: a follow-up previews with its own template, a draft sent on request
            // with the requesting unit's contact (T3(3)), as the saved draft renders.
            var origin = Edited is { } d
                ? new DraftOrigin(d.RequestingUnitId, d.FollowUpOfAlertId, d.FollowUpKind, d.FromRequestId)
                : null;
            Preview = await new PreviewDraft(workflow).RunAsync(Me, Input(), origin);
            return Page();
        });
    }

    /// <summary>Form checks that are not policy: the attributes, and a readable date and time.</summary>
    protected bool CheckForm()
    {
        if (!string.IsNullOrWhiteSpace(Form.OccurredAt) && DraftForm.ParseLocal(book, Form.OccurredAt) is null)
            ModelState.AddModelError("Form.OccurredAt", "発生日時の形式が正しくありません。");
        if (!string.IsNullOrWhiteSpace(Form.ResolvedAt) && DraftForm.ParseLocal(book, Form.ResolvedAt) is null)
            ModelState.AddModelError("Form.ResolvedAt", "解除日時の形式が正しくありません。");
        return ModelState.IsValid;
    }
}
