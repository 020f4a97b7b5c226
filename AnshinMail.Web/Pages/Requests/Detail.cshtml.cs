using System.Text.Json;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
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

namespace AnshinMail.Web.Pages.Requests;

/// <summary>A request between units: the receiving unit takes it over (distribution, share) or marks it done (Yahoo
/// relay).</summary>
public sealed class DetailModel(WorkflowContext workflow, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public UnitRequest Item { get; private set; } = null!;
    public DraftInput? Payload { get; private set; }

    /// <summary>
    /// A post that names no handler of this page (or none at all) is a bad request, not a page without its data.
    /// </summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        try
        {
            await Load(id);
            return Page();
        }
        catch (PolicyRefusedException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostTakeOverAsync(long id) => await Attempt(async () =>
    {
        var draft = await new TakeOverRequest(workflow).RunAsync(Me, id);
        TempData["Notice"] = "要請を引き継ぎ、配信文（案）を作成しました。内容を確認してください。";
        return RedirectToPage("/Drafts/Edit", new { id = draft.Id });
    }, () => Load(id));

    public async Task<IActionResult> OnPostCompleteAsync(long id) => await Attempt(async () =>
    {
        await new CompleteRequest(workflow).RunAsync(Me, id);
        TempData["Notice"] = "処理済みにしました。";
        return RedirectToPage("/Requests/Detail", new { id = id });
    }, () => Load(id));

    private async Task Load(long id)
    {
        Item = await new ViewRequest(workflow).RunAsync(Me, id);
        Payload = Item.Payload is null ? null : JsonSerializer.Deserialize<DraftInput>(Item.Payload);
        await LoadNames(workflow.Db);
    }
}
