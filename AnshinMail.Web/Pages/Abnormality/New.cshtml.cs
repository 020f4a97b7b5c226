using System.ComponentModel.DataAnnotations;
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

namespace AnshinMail.Web.Pages.Abnormality;

/// <summary>Y12: anyone reports an abnormality to the security manager.</summary>
public sealed class NewModel(WorkflowContext workflow) : StaffPageModel
{
    [BindProperty, Required(ErrorMessage = "内容を入力してください。"), StringLength(4000, ErrorMessage = "内容は{1}文字以内で入力してください。")]
    public string Description { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            await new ReportAbnormality(workflow).RunAsync(Me, Description);
            TempData["Notice"] = "システムセキュリティ責任者に報告しました。";
            return RedirectToPage("/Index");
        });
    }
}
