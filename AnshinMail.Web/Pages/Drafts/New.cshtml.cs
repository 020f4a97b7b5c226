using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>Y9.1: write a draft; preview and findings on request; nothing typed is lost on an error.</summary>
public sealed class NewModel(WorkflowService workflow, PolicyBook book, PolicyEngine engine, TimeProvider clock)
    : DraftFormPageModel(workflow, book, engine, clock)
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
            var draft = await Workflow.CreateDraftAsync(Me, Form.ToInput(Book));
            TempData["Notice"] = $"配信文（案）{draft.Id} を保存しました。";
            return Redirect($"/drafts/{draft.Id}");
        });
    }
}
