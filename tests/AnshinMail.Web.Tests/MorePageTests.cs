using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests;

/// <summary>The remaining handlers' happy paths over HTTP: edit, reject, emergency, Yahoo relay done, disable and unlock.</summary>
public sealed class MorePageTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EditMakesANewVersion_RejectSendsItBackWithTheReason()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await StaffFlowTests.CreateDraft(staff);
        var edited = StaffFlowTests.Draft("声かけ事案の発生（訂正）");
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
        var id = await StaffFlowTests.CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: StaffFlowTests.AllConfirmations);
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
    public async Task YahooRelayRequestIsMarkedDoneByTheRelayDivision()
    {
        var admin = await _app.SignedIn("demo-admin"); // 生活安全企画課: the relay division in the Nagano book
        var home = await admin.GetStringAsync("/");
        var request = Regex.Match(home, "href=\"(/requests/\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(request); // the demo's child-safety and bear alerts asked for the relay
        Assert.Contains("Yahoo!防災速報", await admin.GetStringAsync(request));
        var done = await admin.PostForm($"{request}?handler=Complete", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("処理済み", await admin.GetStringAsync(request));
    }

    [Fact]
    public async Task SecurityManagerDisablesAndUnlocksAccounts()
    {
        var attacker = _app.Browser();
        for (var i = 0; i < 5; i++)
            await attacker.PostForm("/account/signin", new() { ["UserId"] = "demo-pr", ["Password"] = "wrong" });
        var admin = await _app.SignedIn("demo-admin");
        Assert.Contains("ロック中", await admin.GetStringAsync("/admin/accounts"));
        var unlock = await admin.PostForm("/admin/accounts?handler=Unlock", new() { ["target"] = "demo-pr" });
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        await _app.SignedIn("demo-pr"); // signs in again

        var disable = await admin.PostForm("/admin/accounts?handler=Disable", new() { ["target"] = "demo-duty" });
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        var refused = await (await _app.Browser().PostForm("/account/signin", new() { ["UserId"] = "demo-duty", ["Password"] = "anshin-demo-2026" })).Content.ReadAsStringAsync();
        Assert.Contains("ユーザIDまたはパスワードが正しくありません。", refused);
    }
}
