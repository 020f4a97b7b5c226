using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Pages.Sent;

/// <summary>A sent or scheduled alert: its text, delivery progress (refreshing while sending), follow-ups.</summary>
public sealed class DetailModel(WorkflowService workflow, AnshinDbContext db, PolicyBook book, TimeProvider clock) : StaffPageModel
{
    public PolicyBook Book => book;
    public Alert Alert { get; private set; } = null!;
    public DeliveryProgress Progress { get; private set; } = null!;
    public List<Alert> FollowUps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        try
        {
            await Load(id);
        }
        catch (PolicyRefusedException)
        {
            return Forbid();
        }
        // While sending, the page refreshes itself (no script needed).
        if (Alert.Status == AlertStatus.Sending) Response.Headers["Refresh"] = "3";
        return Page();
    }

    /// <summary>Y11.3: start a resolution, correction or supplement, prefilled from the original.</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(long id, FollowUpKind kind) => await Attempt(async () =>
    {
        var draft = await workflow.CreateFollowUpAsync(Me, id, kind);
        TempData["Notice"] = $"{Labels.FollowUp(kind)}の配信文（案）を作成しました。内容を確認・修正してください。";
        return Redirect($"/drafts/{draft.Id}/edit");
    }, () => Load(id));

    /// <summary>
    /// Throws the refusal when the alert is closed to this person, so that a refused follow-up ends in Forbid.
    /// </summary>
    private async Task Load(long id)
    {
        Alert = await workflow.ViewAlertAsync(Me, id);
        Progress = (await DeliveryProgress.OfAsync(db, id, clock))!;
        FollowUps = await db.Alerts.AsNoTracking().Where(a => a.FollowUpOfAlertId == id).OrderBy(a => a.Id)
            .ToListAsync();
    }
}
