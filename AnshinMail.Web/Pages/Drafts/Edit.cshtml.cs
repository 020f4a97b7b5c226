using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using Microsoft.AspNetCore.Mvc;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>Y9.3: an edit makes a new version; an approval given before no longer covers it.</summary>
public sealed class EditModel(WorkflowContext workflow, PolicyBook book)
    : DraftFormPageModel(workflow, book)
{
    public long Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Id = id;
        try
        {
            var view = await new ViewDraft(Workflow).RunAsync(Me, id);
            if (view.Draft.UnitId != Me.UnitId) return Forbid();
            Edited = view.Draft;
            Form = DraftForm.From(view.Draft, Book);
            Preview = new DraftPreview(view.Verdict, view.Message) { Window = view.Window };
            return Page();
        }
        catch (PolicyRefusedException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id)
    {
        Id = id;
        if (!await LoadEdited(id)) return Forbid();
        return await ShowPreview();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id)
    {
        Id = id;
        if (!await LoadEdited(id)) return Forbid();
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            var draft = await new EditDraft(Workflow).RunAsync(Me, id, Input());
            TempData["Notice"] = $"第{draft.Version}版として保存しました。";
            return RedirectToPage("/Drafts/Detail", new { id = id });
        });
    }

    /// <summary>The saved draft, for what its form does not show (Y11.2, Y11.3); only the unit's own (Y7.2).</summary>
    private async Task<bool> LoadEdited(long id)
    {
        try
        {
            Edited = await Workflow.LoadDraft(id, HttpContext.RequestAborted);
            Workflow.Access.RequireOwnUnit(Me, Edited.UnitId);
            return true;
        }
        catch (PolicyRefusedException)
        {
            return false;
        }
    }
}
