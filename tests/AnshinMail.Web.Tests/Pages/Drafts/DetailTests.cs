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
        Assert.Contains("配信時間外です。2026年11月28日（土）06:00 に配信するよう予約されます。", head);
        Assert.Contains("緊急配信（情報配信者の判断）", head);
        Assert.Contains("配信を予約する", head);

        var duty = await (await _app.SignedIn("demo-duty")).GetStringAsync($"/drafts/{id}");
        Assert.DoesNotContain("緊急配信（情報配信者の判断）", duty);
    }

    /// <summary>Y9.2: at 23:30 (duty system) the unit head is told they approve as 情報配信者, which the record then
    /// says; the duty officer as 当直責任者; the PR officer that their approval does not count now.</summary>
    [Fact]
    public async Task Y9_2_AtNight_TheApprovalPanelStatesTheRegimeOfThePersonApproving()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.FromHours(9)));

        var head = await _app.SignedIn("demo-head");
        Assert.Contains("あなたの承認の区分: <strong>情報配信者</strong>", await head.GetStringAsync($"/drafts/{id}"));
        var duty = await (await _app.SignedIn("demo-duty")).GetStringAsync($"/drafts/{id}");
        Assert.Contains("あなたの承認の区分: <strong>当直責任者（事後報告）</strong>", duty);
        var pr = await (await _app.SignedIn("demo-pr")).GetStringAsync($"/drafts/{id}");
        Assert.Contains("今の体制（当直責任者（事後報告））では、あなたの承認は認められません。", pr);

        await DraftForms.Approve(head, id);
        var page = await head.GetStringAsync($"/drafts/{id}");
        Assert.Contains("第1版: 中央 一郎（署長・情報配信者）（情報配信者）2026年11月27日（金）23:30", page);
    }

    /// <summary>Y9.2 ただし書き: by day the PR officer is told their approval counts as 広報活動責任者 when they state
    /// the distributor is absent.</summary>
    [Fact]
    public async Task Y9_2_ByDay_ThePrOfficerIsToldTheirRegimeNeedsTheDistributorAbsent()
    {
        var id = await DraftForms.CreateDraft(await _app.SignedIn("demo-staff"));
        var pr = await (await _app.SignedIn("demo-pr")).GetStringAsync($"/drafts/{id}");
        Assert.Contains("<strong>広報活動責任者（事後報告）</strong>（情報配信者の不在を明示した場合）", pr);
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
}
