using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages.Sent;

/// <summary>A sent or scheduled alert: its text, delivery progress (refreshing while sending), follow-ups.</summary>
public sealed class SentDetailModel(WorkflowContext workflow, AnshinDbContext db, PolicyBook book, TimeProvider clock)
    : StaffPageModel
{
    public PolicyBook Book => book;
    public AlertView View { get; private set; } = null!;
    public Alert Alert => View.Alert;

    /// <summary>A person's name as staff know it (never only the login ID).</summary>
    public string Person(string? userId) => Names.Of(userId);

    /// <summary>The reason typed for a cancel, stop, withdrawal or closure (kept on a refusal).</summary>
    [BindProperty] public string? Reason { get; set; }
    /// <summary>Y11.4: the neighbour asked, why, and a remark (kept on a refusal).</summary>
    [BindProperty] public string? ShareTo { get; set; }
    [BindProperty] public string? ShareReason { get; set; }
    [BindProperty] public string? ShareNote { get; set; }
    public DeliveryProgress Progress { get; private set; } = null!;
    public List<Alert> FollowUps { get; private set; } = [];

    /// <summary>
    /// The kind as posted; anything but a known name reaches the library as undefined and is refused there.
    /// </summary>
    private static FollowUpKind Kind(string? posted) =>
        Enum.TryParse<FollowUpKind>(posted, ignoreCase: false, out var k) && Enum.IsDefined(k)
            && !int.TryParse(posted, out _)
            ? k : (FollowUpKind)(-1);

    /// <summary>
    /// A post that names no handler of this page (or none at all) is a bad request, not a page without its data.
    /// </summary>
    public IActionResult OnPost() => BadRequest();

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
    public async Task<IActionResult> OnPostFollowUpAsync(long id, string? kind) => await Attempt(async () =>
    {
        var draft = await new CreateFollowUp(workflow).RunAsync(Me, id, Kind(kind));
        TempData["Notice"] = $"{Labels.FollowUp(draft.FollowUpKind)}の配信文（案）を作成しました。内容を確認・修正してください。";
        return RedirectToPage("/Drafts/Edit", new { id = draft.Id });
    }, () => Load(id));

    /// <summary>
    /// T3(2), Y11.3: the station that asked for the alert asks the sending unit for its resolution or correction.
    /// </summary>
    public async Task<IActionResult> OnPostRequestFollowUpAsync(long id, string? kind) => await Attempt(async () =>
    {
        var request = await new RequestFollowUp(workflow).RunAsync(Me, id, Kind(kind));
        TempData["Notice"] = $"{UnitName(book, request.ToUnitId)}に{Labels.FollowUp(request.FollowUpKind)}の配信を要請しました。";
        return RedirectToPage("/Requests/Detail", new { id = request.Id });
    }, () => Load(id));

    /// <summary>Y11.4: ask a neighbouring station, with the reason.</summary>
    public async Task<IActionResult> OnPostShareAsync(long id) => await Attempt(async () =>
    {
        var reason = FormBinding.Choice<ShareReason>(ShareReason);
        var request = await new FileShareRequest(workflow).RunAsync(Me, id, ShareTo ?? "", reason, ShareNote);
        TempData["Notice"] = $"{UnitName(book, request.ToUnitId)}へ情報提供・配信要請を行いました。";
        return RedirectToPage("/Requests/Detail", new { id = request.Id });
    }, () => Load(id));

    /// <summary>Y9.3: cancel a scheduled alert before its time.</summary>
    public Task<IActionResult> OnPostCancelAsync(long id) =>
        Act(id, () => new CancelAlert(workflow).RunAsync(Me, id, Reason ?? ""), "予約を取り消しました。何も配信されません。");

    /// <summary>Y9.3: the emergency brake while sending.</summary>
    public Task<IActionResult> OnPostStopAsync(long id) =>
        Act(id, () => new StopAlert(workflow).RunAsync(Me, id, Reason ?? ""),
            "配信を停止しました。受け取った人には修正を作成して送ることができます。");

    /// <summary>Y11.3: withdraw from the public archive and feeds (CAP Cancel).</summary>
    public Task<IActionResult> OnPostWithdrawAsync(long id) =>
        Act(id, () => new WithdrawAlert(workflow).RunAsync(Me, id, Reason ?? ""), "公開を取り消しました。");

    /// <summary>Y11.2: close an open incident that has nothing to resolve.</summary>
    public Task<IActionResult> OnPostCloseAsync(long id) =>
        Act(id, () => new CloseWithoutResolution(workflow).RunAsync(Me, id, Reason ?? ""), "解除なしで終結しました。");

    private async Task<IActionResult> Act(long id, Func<Task<Alert>> operation, string notice) =>
        await Attempt(async () =>
    {
        await operation();
        TempData["Notice"] = notice;
        return RedirectToPage("/Sent/Detail", new { id });
    }, () => Load(id));

    /// <summary>
    /// Throws the refusal when the alert is closed to this person, so that a refused follow-up ends in Forbid.
    /// </summary>
    private async Task Load(long id)
    {
        View = await new ViewAlert(workflow).RunAsync(Me, id);
        Progress = (await DeliveryProgress.OfAsync(db, id, clock))!;
        await LoadNames(db);
        FollowUps = await db.Alerts.AsNoTracking().Where(a => a.FollowUpOfAlertId == id).OrderBy(a => a.Id)
            .ToListAsync();
    }
}
