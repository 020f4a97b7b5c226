using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Emergencies;

/// <summary>
/// /emergencies/{id}/confirm (Y9.4 ただし書き): the distributor who judged confirms afterwards, from their home page,
/// the emergency staff sent at night on their judgement; nobody else can; the ledger then says so.
/// </summary>
public sealed class ConfirmTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> SentOnJudgementAt2330()
    {
        var id = await DraftForms.CreateDraft(await _app.SignedIn("demo-staff"), DraftForms.Draft("夜間の確認事案"));
        await DraftForms.Approve(await _app.SignedIn("demo-head"), id);
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.FromHours(9)));
        var sent = await (await _app.SignedIn("demo-staff")).PostForm($"/drafts/{id}?handler=EmergencyJudged", new()
        {
            ["JudgeId"] = "demo-head", ["Means"] = "Phone", ["JudgedAt"] = "2026-11-27T23:20", ["Rechecked"] = "true",
        }, extra: new[] { "serious-repeat", "suspect-at-large", "harm-spreading", "urgent-notice" }
            .Select(c => KeyValuePair.Create("Conditions", c)));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return sent.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Y9_4_TheSentPageShowsWhoJudgedHowAndWhen_AndWhetherItIsStillOwed()
    {
        var sentPage = await SentOnJudgementAt2330();
        Assert.StartsWith("/sent/", sentPage);
        var staff = await _app.SignedIn("demo-staff");
        var page = await staff.GetStringAsync(sentPage);
        Assert.Contains("緊急配信の判断（情報配信者が認めたもの）", page);
        Assert.Contains("中央 一郎（署長・情報配信者）（電話で判断、2026年11月27日（金）23:20）", page);
        Assert.Contains("判断した情報配信者による事後確認がまだです。", page);
        Assert.DoesNotContain("serious-repeat", page);

        var head = await _app.SignedIn("demo-head");
        var action = Regex.Match(await head.GetStringAsync("/"), "action=\"(/emergencies/\\d+/confirm)\"").Groups[1].Value;
        await head.PostForm(action, [], formPage: "/");
        page = await staff.GetStringAsync(sentPage);
        Assert.Contains("事後確認済み（2026年11月27日（金）23:30）", page);
        Assert.DoesNotContain("事後確認がまだです", page);
    }

    [Fact]
    public async Task Y9_4_TheJudgeConfirmsFromTheHomePage_OthersAreRefused_TheLedgerSaysConfirmed()
    {
        await SentOnJudgementAt2330();
        var head = await _app.SignedIn("demo-head");
        var home = await head.GetStringAsync("/");
        Assert.Contains("未確認の緊急配信", home);
        Assert.Contains("長野 太郎（署員）", home);
        var action = Regex.Match(home, "action=\"(/emergencies/\\d+/confirm)\"").Groups[1].Value;
        Assert.NotEmpty(action);

        var pr = await _app.SignedIn("demo-pr");
        Assert.DoesNotContain(action, await pr.GetStringAsync("/"));
        var refused = await pr.PostForm(action, [], formPage: "/");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("緊急配信の事後確認を行うのは情報配信者（所属長）です。", await refused.Content.ReadAsStringAsync());

        var confirmed = await head.PostForm(action, [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain(action, await head.GetStringAsync("/"));
        var csv = await (await head.GetAsync("/ledger?handler=Csv&year=2026")).Content.ReadAsStringAsync();
        Assert.Contains("確認済み 2026-11-27 23:30", csv.Split('\n').Single(l => l.Contains("夜間の確認事案")));
        var again = await head.PostForm(action, [], formPage: "/");
        Assert.Contains("既に確認済み", await again.Content.ReadAsStringAsync());
    }
}
