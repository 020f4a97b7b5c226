using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Issue 10: the bad-input corpus in the forms that act on a draft or a sent alert (approve, reject, send, follow-up,
/// request, withdraw, close, stop), as the person who may use them, inside sending hours: never a 500, a Japanese
/// message on the page, and an action either done whole or not at all.
/// </summary>
public sealed class BadInputStaffActionTests(BadInputSite site) : IClassFixture<BadInputSite>
{
    private static readonly string[] Reason = ["Reason"];

    private static async Task<string> Draft(BadInputSite s, string handler) =>
        $"/drafts/{await s.NewDraft()}?handler={handler}";

    private static async Task<string> Alert(BadInputSite s, string handler) =>
        $"/sent/{await s.ReleasedAlert()}?handler={handler}";

    private static Task<string> AlertReason(BadInputSite s, long id, Func<Rules.Storage.Alert, string?> reason) =>
        s.Query(async db => reason(await db.Alerts.SingleAsync(a => a.Id == id)) ?? "");

    private static readonly BadInputForm[] Approval =
    [
        new("drafts/{id} Approve", "demo-head")
        {
            Target = s => Draft(s, "Approve"),
            Consumes = true,
            Valid = _ => BadInputSite.Confirmations.Select(c => KeyValuePair.Create("Confirmations", c)),
            Fields = ["Confirmations", "DistributorAbsent"],
            Whole = "Confirmations",
            Choices = new HashSet<string> { "Confirmations" },
        },
        new("drafts/{id} Reject", "demo-head")
        {
            Target = s => Draft(s, "Reject"),
            Consumes = true,
            Accepted = "差し戻しました。",
            RefusesUnusable = true,
            Fields = Reason,
            Whole = "Reason",
            Kept = Reason.ToHashSet(),
            Stored = (s, id) =>
                s.Query(async db => (await db.Drafts.SingleAsync(d => d.Id == id)).RejectionReason ?? ""),
        },
    ];

    private static readonly BadInputForm[] Sending =
    [
        new("drafts/{id} Send", "demo-staff")
        {
            Target = async s => $"/drafts/{await s.ApprovedDraft()}?handler=Send",
            Consumes = true,
            Fields = ["Rechecked"],
            Whole = "Rechecked",
        },
        new("sent/{id} Stop", "demo-staff")
        {
            Target = s => Alert(s, "Stop"),
            Consumes = true,
            Fields = Reason,
            Whole = "Reason",
        },
    ];

    private static readonly BadInputForm[] FollowUp =
    [
        new("sent/{id} FollowUp", "demo-staff")
        {
            Target = s => Alert(s, "FollowUp"),
            Consumes = true,
            Fields = ["kind"],
            Whole = "kind",
            Choices = new HashSet<string> { "kind" },
        },
        new("sent/{id} RequestFollowUp", "demo-staff")
        {
            Target = s => Alert(s, "RequestFollowUp"),
            Consumes = true,
            Fields = ["kind"],
            Whole = "kind",
            Choices = new HashSet<string> { "kind" },
        },
        new("sent/{id} Withdraw", "demo-staff")
        {
            Target = s => Alert(s, "Withdraw"),
            Consumes = true,
            Accepted = "公開を取り消しました。",
            RefusesUnusable = true,
            Fields = Reason,
            Whole = "Reason",
            Kept = Reason.ToHashSet(),
            Stored = (s, id) => AlertReason(s, id, a => a.WithdrawalReason),
        },
    ];

    private static readonly BadInputForm[] Closing =
    [
        new("sent/{id} Close", "demo-head")
        {
            Target = s => Alert(s, "Close"),
            Consumes = true,
            Accepted = "解除なしで終結しました。",
            RefusesUnusable = true,
            Fields = Reason,
            Whole = "Reason",
            Kept = Reason.ToHashSet(),
            Stored = (s, id) => AlertReason(s, id, a => a.CloseReason),
        },
    ];

    /// <summary>Y11.1: a consultation of demo-staff's new draft with the division in charge (人身安全・少年課); its
    /// id.</summary>
    private static async Task<long> Consultation(BadInputSite s)
    {
        var draft = await s.NewDraft();
        var asked = await s.Post("demo-staff", $"/drafts/{draft}?handler=Consult",
            ("ConsultWith", "DivisionInCharge"), ("Question", "学校名の扱いについて"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, asked.StatusCode);
        return await s.Query(db => db.Requests.Where(r => r.DraftId == draft).Select(r => r.Id).SingleAsync());
    }

    /// <summary>
    /// The target, with the notice its making left for demo-staff read first: a refused post must not show the
    /// 「配信を開始しました。」 of the send that made its alert (the page would look accepted).
    /// </summary>
    private static async Task<string> Read(BadInputSite s, string user, Task<string> target)
    {
        var url = await target;
        var (client, _) = await s.Client(user);
        (await client.GetAsync("/")).Dispose();
        return url;
    }

    private static Task<string> LastRequestNote(BadInputSite s, Func<UnitRequest, bool> which) =>
        s.Query(async db => (await db.Requests.AsNoTracking().ToListAsync()).Where(which).OrderBy(r => r.Id)
            .LastOrDefault()?.Note ?? "");

    private static readonly BadInputForm[] Consulting =
    [
        new("drafts/{id} Consult", "demo-staff")
        {
            Target = s => Read(s, "demo-staff", Draft(s, "Consult")),
            Valid = _ => [new("ConsultWith", "DivisionInCharge"), new("Question", "学校名の扱いについて")],
            Fields = ["ConsultWith", "Question"],
            Whole = "Question",
            Kept = new HashSet<string> { "Question" },
            Choices = new HashSet<string> { "ConsultWith" },
            Stored = (s, id) => LastRequestNote(s, r => r.DraftId == id && r.Kind == RequestKind.Consultation),
        },
        new("requests/{id} Answer", "demo-hq")
        {
            Target = async s => $"/requests/{await Consultation(s)}?handler=Answer",
            Consumes = true,
            Valid = _ => [new("Answer", "学校名は伏せてください。")],
            Fields = ["Answer"],
            Whole = "Answer",
            Kept = new HashSet<string> { "Answer" },
            Stored = (s, id) => s.Query(async db => (await db.Requests.SingleAsync(r => r.Id == id)).Answer ?? ""),
        },
    ];

    private static readonly BadInputForm[] Sharing =
    [
        new("sent/{id} Share", "demo-staff")
        {
            Target = s => Read(s, "demo-staff", Alert(s, "Share")),
            Consumes = true,
            Valid = _ => [new("ShareTo", "nagano-minami"), new("ShareReason", "Spread"), new("ShareNote", "手配の補足")],
            Fields = ["ShareTo", "ShareReason", "ShareNote"],
            Whole = "ShareNote",
            Kept = new HashSet<string> { "ShareNote" },
            Choices = new HashSet<string> { "ShareTo", "ShareReason" },
            Stored = (s, id) => LastRequestNote(s, r => r.AlertId == id && r.Kind == RequestKind.Share),
        },
    ];

    public static TheoryData<string, string> ConsultingCases => BadInputCorpus.Pairs(Consulting);
    public static TheoryData<string, string> SharingCases => BadInputCorpus.Pairs(Sharing);

    [Theory]
    [MemberData(nameof(ConsultingCases))]
    public Task Y11_1_ConsultAndAnswer_AnswerEveryBadInput_InJapanese_AndActWholeOrNotAtAll(string form, string input) =>
        BadInputCheck.Form(site, Consulting.Single(f => f.Name == form), BadInputCorpus.Named(input));

    [Theory]
    [MemberData(nameof(SharingCases))]
    public Task Y11_4_ShareWithANeighbour_AnswersEveryBadInput_InJapanese_AndActsWholeOrNotAtAll(string form, string input) =>
        BadInputCheck.Form(site, Sharing.Single(f => f.Name == form), BadInputCorpus.Named(input));

    public static TheoryData<string, string> ApprovalCases => BadInputCorpus.Pairs(Approval);
    public static TheoryData<string, string> SendingCases => BadInputCorpus.Pairs(Sending);
    public static TheoryData<string, string> FollowUpCases => BadInputCorpus.Pairs(FollowUp);
    public static TheoryData<string, string> ClosingCases => BadInputCorpus.Pairs(Closing);

    [Theory]
    [MemberData(nameof(ApprovalCases))]
    public Task Y9_2_ApproveAndReject_AnswerEveryBadInput_InJapanese_AndActWholeOrNotAtAll(string form, string input) =>
        BadInputCheck.Form(site, Approval.Single(f => f.Name == form), BadInputCorpus.Named(input));

    [Theory]
    [MemberData(nameof(SendingCases))]
    public Task Y9_3_SendAndStop_AnswerEveryBadInput_InJapanese_AndActWholeOrNotAtAll(string form, string input) =>
        BadInputCheck.Form(site, Sending.Single(f => f.Name == form), BadInputCorpus.Named(input));

    [Theory]
    [MemberData(nameof(FollowUpCases))]
    public Task Y11_3_FollowUpRequestAndWithdrawal_AnswerEveryBadInput_InJapanese(string form, string input) =>
        BadInputCheck.Form(site, FollowUp.Single(f => f.Name == form), BadInputCorpus.Named(input));

    [Theory]
    [MemberData(nameof(ClosingCases))]
    public Task Y11_2_ClosingWithoutResolution_AnswersEveryBadInput_InJapanese(string form, string input) =>
        BadInputCheck.Form(site, Closing.Single(f => f.Name == form), BadInputCorpus.Named(input));
}
