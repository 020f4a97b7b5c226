using System.Text.Json;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Consultations;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Views;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Requests;

/// <summary>A request between units: the receiving unit takes it over (distribution, share), marks it done (Yahoo
/// relay), forwards it (the duty desk at night, T3(2)) or answers it (a consultation, Y11.1).</summary>
public sealed class RequestDetailModel(WorkflowContext workflow, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public RequestView View { get; private set; } = null!;
    public UnitRequest Item => View.Request;
    public DraftInput? Payload { get; private set; }

    /// <summary>Y11.1: the answer typed (kept on a refusal); T3(2): the division to forward to.</summary>
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? ToDivision { get; set; }

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

    /// <summary>T3(2): the duty desk passes a night request on to the division in charge.</summary>
    public async Task<IActionResult> OnPostForwardAsync(long id) => await Attempt(async () =>
    {
        var next = await new ForwardRequest(workflow).RunAsync(Me, id, ToDivision);
        TempData["Notice"] = $"{UnitName(book, next.ToUnitId)}へ回付しました。";
        return RedirectToPage("/Requests/Detail", new { id = next.Id });
    }, () => Load(id));

    /// <summary>Y11.1: the consulted unit answers.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(long id) => await Attempt(async () =>
    {
        await new AnswerConsultation(workflow).RunAsync(Me, id, Answer ?? "");
        TempData["Notice"] = "回答しました。回答は配信文（案）に表示されます。";
        return RedirectToPage("/Requests/Detail", new { id = id });
    }, () => Load(id));

    private async Task Load(long id)
    {
        View = await new ViewRequest(workflow).RunAsync(Me, id);
        Payload = Item.Payload is null ? null : JsonSerializer.Deserialize<DraftInput>(Item.Payload);
        await LoadNames(workflow.Db);
    }
}
