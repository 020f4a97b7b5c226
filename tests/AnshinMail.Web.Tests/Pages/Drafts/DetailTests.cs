using System.Text.RegularExpressions;
using System.Net;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>/drafts/{id}: what each person may do next comes from the library, by day and at night (fixed clock).</summary>
public sealed class DetailTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> ApprovedDraft()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        var approve = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        return id;
    }

    [Fact]
    public async Task Y9_4_AtNight_TheSendFormNamesTheBooksNextOpening_AndOnlyTheDistributorSeesTheEmergencyForm()
    {
        var id = await ApprovedDraft();
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 10, 0, TimeSpan.FromHours(9)));

        var head = await (await _app.SignedIn("demo-head")).GetStringAsync($"/drafts/{id}");
        Assert.Contains("配信時間外です。2026-11-28 06:00 に配信するよう予約されます。", head);
        Assert.Contains("緊急配信（情報配信者の判断）", head);
        Assert.Contains("配信を予約する", head);

        var duty = await (await _app.SignedIn("demo-duty")).GetStringAsync($"/drafts/{id}");
        Assert.DoesNotContain("緊急配信（情報配信者の判断）", duty);
    }

    [Fact]
    public async Task Y9_4_ByDay_SendNow_NoEmergencyForm()
    {
        var id = await ApprovedDraft();
        var page = await (await _app.SignedIn("demo-head")).GetStringAsync($"/drafts/{id}");
        Assert.Contains("配信時間内です。すぐに配信されます。", page);
        Assert.DoesNotContain("緊急配信（情報配信者の判断）", page);
    }

    [Fact]
    public async Task Y7_2_AnotherUnitsStaffCannotOpenTheDraft()
    {
        var id = await ApprovedDraft();
        var other = await _app.SignedIn("demo-hq");
        var response = await other.GetAsync($"/drafts/{id}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EditMakesANewVersion_RejectSendsItBackWithTheReason()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var edited = DraftForms.Draft("声かけ事案の発生（訂正）");
        var save = await staff.PostForm($"/drafts/{id}/edit?handler=Save", edited, $"/drafts/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var page = await staff.GetStringAsync($"/drafts/{id}");
        Assert.Contains("第2版", page);
        Assert.Contains("（訂正）", page);

        var head = await _app.SignedIn("demo-head");
        var reject = await head.PostForm($"/drafts/{id}?handler=Reject", new() { ["Reason"] = "場所をもう少しぼかしてください" });
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        page = await staff.GetStringAsync($"/drafts/{id}");
        Assert.Contains("差し戻し", page);
        Assert.Contains("場所をもう少しぼかしてください", page);
    }

    [Fact]
    public async Task EmergencyAtNightByTheDistributorGoesOutAtOnce()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.FromHours(9)));
        Assert.Equal(HttpStatusCode.Redirect, (await head.GetAsync($"/drafts/{id}")).StatusCode); // the session timed out meanwhile
        head = await _app.SignedIn("demo-head");
        var page = await head.GetStringAsync($"/drafts/{id}");
        Assert.Contains("緊急配信（情報配信者の判断）", page);
        var conditions = Regex.Matches(page, "name=\"Conditions\" value=\"([^\"]+)\"").Select(m => new KeyValuePair<string, string>("Conditions", m.Groups[1].Value)).ToList();
        Assert.Equal(4, conditions.Count);
        var sent = await head.PostForm($"/drafts/{id}?handler=Emergency", [], extra: conditions);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("緊急配信", await head.GetStringAsync(sent.Headers.Location!.ToString()));
    }

    [Fact]
    public async Task ApprovalWithoutTheConfirmationsIsRefusedOnThePage()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        var response = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations.Take(1));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Y11.1", await response.Content.ReadAsStringAsync());
    }

    /// <summary>T4(2): the approver sees the Yahoo!防災速報 decision (and the timing) before approving, as the writer did.</summary>
    [Fact]
    public async Task T4_2_ApproverSeesYahooEligibilityAndTimingBeforeApproving()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        var page = await head.GetStringAsync($"/drafts/{id}");
        Assert.Contains("id=\"approve\"", page);
        var decisions = Regex.Match(page, "<dl class=\"decisions\">.*?</dl>", RegexOptions.Singleline).Value;
        Assert.Contains("Yahoo!防災速報", decisions);
        Assert.Contains("情報提供の対象（生活安全企画課へ要請）", decisions);
        Assert.Contains("配信時間内（承認後すぐ配信）", decisions);
    }

    [Fact]
    public async Task UserTextIsDataNeverMarkup()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("<script>alert(1)</script>{{ 7*7 }}");
        var id = await DraftForms.CreateDraft(staff, fields);
        var page = await staff.GetStringAsync($"/drafts/{id}");
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}", page);
        Assert.DoesNotContain("49", Regex.Match(page, "<p class=\"subject\">[^<]*").Value);
    }

    [Fact]
    public async Task Y11_1_TheWriterConsultsTheDivisionInCharge_ItAnswers_TheApproverSeesTheAnswerBeforeApproving()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var page = await staff.GetStringAsync($"/drafts/{id}");
        Assert.Contains(">事案を主管する本部主管課（人身安全・少年課）</option>", page);
        Assert.Contains(">広報相談課</option>", page);
        var asked = await staff.PostForm($"/drafts/{id}?handler=Consult",
            new() { ["ConsultWith"] = "DivisionInCharge", ["Question"] = "学校名を伏せる範囲について" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("回答待ち", await staff.GetStringAsync($"/drafts/{id}"));

        var hq = await _app.SignedIn("demo-hq");
        var url = Regex.Match(await hq.GetStringAsync("/"), "href=\"(/requests/\\d+)\"").Groups[1].Value;
        var request = await hq.GetStringAsync(url);
        Assert.Contains("学校名を伏せる範囲について", request);
        Assert.Contains("下校中の女子児童が", request); // the draft as it read when consulted
        var answered = await hq.PostForm($"{url}?handler=Answer", new() { ["Answer"] = "学校名は記載しないでください。" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var head = await (await _app.SignedIn("demo-head")).GetStringAsync($"/drafts/{id}");
        var panel = Regex.Match(head, "<form[^>]*id=\"approve\".*?</form>", RegexOptions.Singleline).Value;
        Assert.Contains("協議（承認の前に確認してください）", panel);
        Assert.Contains("学校名は記載しないでください。", panel);
    }

    [Fact]
    public async Task Y11_1_ConsultationRefusals_OtherUnitsAndAnEmptyQuestion_InJapanese()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var empty = await staff.PostForm($"/drafts/{id}?handler=Consult",
            new() { ["ConsultWith"] = "PrConsultation", ["Question"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("協議の内容を2000文字以内で入力してください。", await empty.Content.ReadAsStringAsync());

        var hq = await _app.SignedIn("demo-hq"); // another unit: the draft is closed to it
        var closed = await hq.PostForm($"/drafts/{id}?handler=Consult",
            new() { ["ConsultWith"] = "PrConsultation", ["Question"] = "質問" }, "/drafts/new");
        Assert.StartsWith("/account/denied", closed.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);

        var asked = await staff.PostForm($"/drafts/{id}?handler=Consult",
            new() { ["ConsultWith"] = "PrConsultation", ["Question"] = "報道発表前でよいか" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var koho = await _app.SignedInAs("koho-staff", "koho-sodan", AnshinMail.Rules.Policy.Role.Staff);
        var url = Regex.Match(await koho.GetStringAsync("/"), "href=\"(/requests/\\d+)\"").Groups[1].Value;
        Assert.Contains("id=\"answer\"", await koho.GetStringAsync(url));
        Assert.DoesNotContain("id=\"answer\"", await staff.GetStringAsync(url)); // the asking unit reads, does not answer
        var notTheirs = await staff.PostForm($"{url}?handler=Answer", new() { ["Answer"] = "自分で回答" });
        Assert.Contains("他所属（広報相談課）の業務は扱えません。", await notTheirs.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await hq.GetAsync(url)).StatusCode); // neither side: denied
    }
}
