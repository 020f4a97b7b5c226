using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Reports;

/// <summary>Y9.2: the distributor acknowledges an after-the-fact report.</summary>
public sealed class AcknowledgeModel(WorkflowService workflow) : StaffPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(long id) => await Attempt(async () =>
    {
        await workflow.AcknowledgePostReportAsync(Me, id);
        TempData["Notice"] = "事後報告を確認しました。";
        return Redirect("/");
    });
}
