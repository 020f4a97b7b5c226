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

/// <summary>Y9.1: write a draft; preview and findings on request; nothing typed is lost on an error.</summary>
public sealed class NewModel(WorkflowContext workflow, PolicyBook book)
    : DraftFormPageModel(workflow, book)
{
    public void OnGet(string? category)
    {
        Form.CategoryId = category ?? "";
        var unit = Book.Unit(Me.UnitId);
        Form.Areas = unit.IsHq ? [] : unit.Jurisdiction.ToList();
    }

    public Task<IActionResult> OnPostPreviewAsync() => ShowPreview();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            var draft = await new CreateDraft(Workflow).RunAsync(Me, Form.ToInput(Book));
            TempData["Notice"] = $"配信文（案）{draft.Id} を保存しました。";
            return RedirectToPage("/Drafts/Detail", new { id = draft.Id });
        });
    }
}
