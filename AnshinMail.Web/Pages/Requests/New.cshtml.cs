using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Pages.Drafts;
using Microsoft.AspNetCore.Mvc;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages.Requests;

/// <summary>T3(2): a station asks HQ to send to areas outside its jurisdiction.</summary>
public sealed class NewModel(WorkflowContext workflow, PolicyBook book)
    : DraftFormPageModel(workflow, book)
{
    public void OnGet() { }

    public Task<IActionResult> OnPostPreviewAsync() => ShowPreview();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            var request = await new FileDistributionRequest(Workflow).RunAsync(Me, Form.ToInput(Book));
            TempData["Notice"] = $"{Book.Unit(request.ToUnitId).Name} へ配信要請を送りました。";
            return RedirectToPage("/Requests/Detail", new { id = request.Id });
        });
    }
}
