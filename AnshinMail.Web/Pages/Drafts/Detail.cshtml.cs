using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Consultations;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>One draft: its text, findings and history, and what can be done with it next (submit, approve, reject,
/// send).</summary>
public sealed class DraftDetailModel(WorkflowContext workflow, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public DraftView View { get; private set; } = null!;
    public bool OpenNow => View.Window.OpenNow;
    public bool May(DraftAction action) => View.NextActions.Contains(action);

    [BindProperty] public List<string> Confirmations { get; set; } = [];
    [BindProperty] public bool DistributorAbsent { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Rechecked { get; set; }
    [BindProperty] public List<string> Conditions { get; set; } = [];
    /// <summary>Y11.1: whom to consult and the question (kept on a refusal).</summary>
    [BindProperty] public string? ConsultWith { get; set; }
    [BindProperty] public string? Question { get; set; }
    /// <summary>Y9.4 ただし書き: the distributor whose judgement staff act on, how it was given, when (local).</summary>
    [BindProperty] public string? JudgeId { get; set; }
    [BindProperty] public string? Means { get; set; }
    [BindProperty] public string? JudgedAt { get; set; }
    /// <summary>The unit's distributors, by name, for the judgement form.</summary>
    public List<PersonChoice> Judges { get; private set; } = [];
    /// <summary>What the judgement form shows for its time: as typed, else now in the book's zone.</summary>
    public string JudgedAtShown => JudgedAt ?? TimeZoneInfo.ConvertTime(workflow.Now, book.Zone)
        .ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

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

    public Task<IActionResult> OnPostSubmitAsync(long id) =>
        Act(id, () => new SubmitDraft(workflow).RunAsync(Me, id), "承認者に提出しました。");

    public Task<IActionResult> OnPostApproveAsync(long id) =>
        Act(id, () => new ApproveDraft(workflow).RunAsync(Me, id,
            new ApprovalInput { Confirmations = Confirmations.ToHashSet(), DistributorAbsent = DistributorAbsent }),
            "承認しました。配信簿に登録しました。");

    public Task<IActionResult> OnPostRejectAsync(long id) =>
        Act(id, () => new RejectDraft(workflow).RunAsync(Me, id, Reason ?? ""), "差し戻しました。");

    public async Task<IActionResult> OnPostSendAsync(long id) => await Attempt(async () =>
    {
        var outcome = await new SendAlert(workflow).RunAsync(Me, id, Rechecked);
        TempData["Notice"] = outcome.Timing == SendTiming.Hold
            ? $"配信時間外のため、{Labels.Time(book, outcome.At)} に配信するよう予約しました。"
            : "配信を開始しました。";
        return RedirectToPage("/Sent/Detail", new { id = outcome.AlertId });
    }, () => Load(id));

    public async Task<IActionResult> OnPostEmergencyAsync(long id) => await Attempt(async () =>
    {
        var outcome = await new EmergencySend(workflow).RunAsync(Me, id, Conditions.ToHashSet());
        TempData["Notice"] = "緊急配信を開始しました。";
        return RedirectToPage("/Sent/Detail", new { id = outcome.AlertId });
    }, () => Load(id));

    /// <summary>Y11.1: a writer or approver in doubt consults the division in charge or 広報相談課.</summary>
    public async Task<IActionResult> OnPostConsultAsync(long id) => await Attempt(async () =>
    {
        var with = FormBinding.Choice<ConsultationTarget>(ConsultWith);
        var asked = await new AskConsultation(workflow).RunAsync(Me, id, with, Question ?? "");
        TempData["Notice"] = $"{UnitName(book, asked.ToUnitId)}に協議しました。回答はこの配信文（案）に表示されます。";
        return RedirectToPage("/Drafts/Detail", new { id });
    }, () => Load(id));

    /// <summary>Y9.4 ただし書き, Y9.3: staff send the emergency on the distributor's judgement by phone or in
    /// person.</summary>
    public async Task<IActionResult> OnPostEmergencyJudgedAsync(long id) => await Attempt(async () =>
    {
        var input = new JudgementInput
        {
            JudgeId = JudgeId ?? "",
            Means = Means is "Phone" or "InPerson" ? Enum.Parse<JudgementMeans>(Means) : JudgementMeans.Self,
            JudgedAt = DraftForm.ParseLocal(book, JudgedAt),
            Conditions = Conditions.ToHashSet(),
            Rechecked = Rechecked,
        };
        var outcome = await new EmergencySendOnJudgement(workflow).RunAsync(Me, id, input);
        TempData["Notice"] = "情報配信者の判断により緊急配信を開始しました。情報配信者の事後確認を受けてください。";
        return RedirectToPage("/Sent/Detail", new { id = outcome.AlertId });
    }, () => Load(id));

    private async Task<IActionResult> Act<T>(long id, Func<Task<T>> operation, string notice) =>
        await Attempt(async () =>
    {
        await operation();
        TempData["Notice"] = notice;
        return RedirectToPage("/Drafts/Detail", new { id = id });
    }, () => Load(id));

    private async Task Load(long id)
    {
        View = await new ViewDraft(workflow).RunAsync(Me, id);
        if (May(DraftAction.EmergencySendOnJudgement))
            Judges = await new UnitDistributors(workflow).RunAsync(View.Draft.UnitId);
    }
}
