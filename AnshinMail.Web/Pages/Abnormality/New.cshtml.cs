using System.ComponentModel.DataAnnotations;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Abnormality;

/// <summary>Y12: anyone reports an abnormality to the security manager.</summary>
public sealed class NewModel(WorkflowService workflow) : StaffPageModel
{
    [BindProperty, Required(ErrorMessage = "内容を入力してください。"), StringLength(4000)]
    public string Description { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            await workflow.ReportAbnormalityAsync(Me, Description);
            TempData["Notice"] = "システムセキュリティ責任者に報告しました。";
            return Redirect("/");
        });
    }
}
