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

namespace AnshinMail.Web.Pages.Reports;

/// <summary>Y9.2: the distributor acknowledges an after-the-fact report.</summary>
public sealed class AcknowledgeModel(WorkflowContext workflow) : StaffPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(long id) => await Attempt(async () =>
    {
        await new AcknowledgePostReport(workflow).RunAsync(Me, id);
        TempData["Notice"] = "事後報告を確認しました。";
        return RedirectToPage("/Index");
    });
}
