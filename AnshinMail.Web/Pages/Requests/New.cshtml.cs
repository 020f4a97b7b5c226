using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Pages.Drafts;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Requests;

/// <summary>T3(2): a station asks HQ to send to areas outside its jurisdiction.</summary>
public sealed class NewModel(WorkflowService workflow, PolicyBook book, PolicyEngine engine, TimeProvider clock)
    : DraftFormPageModel(workflow, book, engine, clock)
{
    public void OnGet() { }

    public Task<IActionResult> OnPostPreviewAsync() => ShowPreview();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            var request = await Workflow.FileDistributionRequestAsync(Me, Form.ToInput(Book));
            TempData["Notice"] = $"{Book.Unit(request.ToUnitId).Name} へ配信要請を送りました。";
            return Redirect($"/requests/{request.Id}");
        });
    }
}
