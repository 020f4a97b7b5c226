using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Emergencies;

/// <summary>Y9.4 ただし書き: the distributor confirms the emergency staff sent on their judgement.</summary>
public sealed class ConfirmModel(WorkflowContext workflow) : StaffPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(long id) => await Attempt(async () =>
    {
        await new ConfirmEmergencyJudgement(workflow).RunAsync(Me, id);
        TempData["Notice"] = "緊急配信の事後確認をしました。";
        return RedirectToPage("/Index");
    });
}
