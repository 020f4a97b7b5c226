using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
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

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>「ライポくん安心メール配信文（案）」 on A4, with boxes for the approver's seal and the after-the-fact report.</summary>
public sealed class PrintModel(WorkflowContext workflow, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public DraftView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        try
        {
            View = await new ViewDraft(workflow).RunAsync(Me, id);
            return Page();
        }
        catch (PolicyRefusedException)
        {
            return Forbid();
        }
    }
}
