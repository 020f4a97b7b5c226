using System.Net;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Sent;

/// <summary>/sent/{id}: cancel a held alert at night, withdraw a sent one, close an incident without a resolution (fixed clock).</summary>
public sealed class RecoveryTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<long> Released(HttpClient staff) => DraftForms.Released(_app, staff);

    private async Task<Alert> Stored(long id)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnshinDbContext>().Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task Y9_3_AtNight_AHeldAlertIsCancelledFromItsPage_WithAReason_AndSaysSo()
    {
        _ = _app.Browser(); // the host (and the demo, sent by day) starts before the clock moves to the night
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 10, 0, TimeSpan.FromHours(9)));
        var staff = await _app.SignedIn("demo-staff");
        var id = await Released(staff);
        var page = await staff.GetStringAsync($"/sent/{id}");
        Assert.Contains("予約を取り消す", page);
        Assert.DoesNotContain("配信を停止する", page);

        var noReason = await staff.PostForm($"/sent/{id}?handler=Cancel", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("理由を1000文字以内で入力してください。", await noReason.Content.ReadAsStringAsync());

        var cancel = await staff.PostForm($"/sent/{id}?handler=Cancel", new() { ["Reason"] = "場所の誤り" });
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(AlertStatus.Cancelled, (await Stored(id)).Status);
        var after = await staff.GetStringAsync($"/sent/{id}");
        Assert.Contains("予約取消", after);
        Assert.Contains("長野 太郎（署員）", after); // the name, not the login ID
        Assert.Contains("場所の誤り", after);
    }

    [Fact]
    public async Task Y11_3_ASentAlertIsWithdrawnFromThePublicSide()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await Released(staff);
        var withdraw = await staff.PostForm($"/sent/{id}?handler=Withdraw", new() { ["Reason"] = "別事案と判明" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.NotNull((await Stored(id)).WithdrawnAt);
        Assert.Contains("公開取消", await staff.GetStringAsync($"/sent/{id}"));

        // The public side: marked 取消 without the text; Atom updates the entry; CAP publishes a Cancel that references it.
        var anonymous = _app.Browser();
        var page = await anonymous.GetStringAsync($"/alerts/{id}");
        Assert.Contains("取消", page);
        Assert.DoesNotContain("下校中の女子児童", page);
        var atom = await anonymous.GetStringAsync("/feed.atom");
        Assert.Contains("【取消】", atom);
        var cap = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync($"/alerts/{id}.cap.xml"));
        System.Xml.Linq.XNamespace ns = "urn:oasis:names:tc:emergency:cap:1.2";
        Assert.Equal("Cancel", cap.Root!.Element(ns + "msgType")!.Value);
        Assert.Contains($".{id},", cap.Root.Element(ns + "references")!.Value);
    }

    [Fact]
    public async Task Y11_2_OnlyTheDistributorClosesWithoutAResolution()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await Released(staff);
        Assert.DoesNotContain("解除なしで終結する", await staff.GetStringAsync($"/sent/{id}"));
        var refused = await staff.PostForm($"/sent/{id}?handler=Close", new() { ["Reason"] = "なし" });
        Assert.Contains("情報配信者（所属長）", await refused.Content.ReadAsStringAsync());
        var head = await _app.SignedIn("demo-head");
        Assert.Contains("解除なしで終結する", await head.GetStringAsync($"/sent/{id}"));
        var close = await head.PostForm($"/sent/{id}?handler=Close", new() { ["Reason"] = "解除すべき事案なし" });
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.NotNull((await Stored(id)).ClosedAt);
        Assert.DoesNotContain($"/sent/{id}?handler=FollowUp&amp;kind=Resolution", await head.GetStringAsync("/"));
    }

    /// <summary>The demo shows a cancelled alert next to the corrected and the resolved ones; the public never sees it.</summary>
    [Fact]
    public async Task Y9_3_TheDemoHasACancelledAlert_ForTheStaffOnly()
    {
        var staff = await _app.SignedIn("demo-staff");
        Alert cancelled;
        using (var scope = _app.Services.CreateScope())
            cancelled = await scope.ServiceProvider.GetRequiredService<AnshinDbContext>().Alerts.AsNoTracking()
                .SingleAsync(a => a.Status == AlertStatus.Cancelled);
        var page = await staff.GetStringAsync($"/sent/{cancelled.Id}");
        Assert.Contains("予約取消", page);
        Assert.Contains("規制の日付に誤りがあったため", page);
        var ledger = await staff.GetStringAsync("/ledger");
        Assert.Contains("取消", ledger);
        var archive = await _app.Browser().GetStringAsync("/alerts");
        Assert.DoesNotContain("交通規制のお知らせ", archive);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync($"/alerts/{cancelled.Id}")).StatusCode);
    }

    /// <summary>T3(2), Y11.3: the station asks the division that sent its alert for the resolution; the division takes it over.</summary>
    [Fact]
    public async Task Y11_3_TheRequestingStationAsksForTheResolution_TheDivisionTakesItOver()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("管外の声かけ事案");
        fields["Form.Areas"] = "長野市南部";
        var filed = await staff.PostForm("/requests/new?handler=Save", fields, "/requests/new");
        var hq = await _app.SignedIn("demo-hq");
        var taken = await hq.PostForm($"{filed.Headers.Location}?handler=TakeOver", []);
        var draftId = taken.Headers.Location!.ToString().Split('/')[2];
        var head = await _app.SignedIn("demo-hq-head");
        await head.PostForm($"/drafts/{draftId}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        var sent = await hq.PostForm($"/drafts/{draftId}?handler=Send", new() { ["Rechecked"] = "true" });
        var alertUrl = sent.Headers.Location!.ToString();

        var page = await staff.GetStringAsync(alertUrl);
        Assert.Contains("解除の配信を要請", page);
        Assert.DoesNotContain("解除情報を作成", page);
        var asked = await staff.PostForm($"{alertUrl}?handler=RequestFollowUp", new() { ["kind"] = "Resolution" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var requestUrl = asked.Headers.Location!.ToString();
        Assert.Contains("解除・修正の要請", await staff.GetStringAsync(requestUrl));

        Assert.Contains(requestUrl, await hq.GetStringAsync("/"));
        var resolution = await hq.PostForm($"{requestUrl}?handler=TakeOver", []);
        Assert.Equal(HttpStatusCode.Redirect, resolution.StatusCode);
        var edit = await hq.GetStringAsync(resolution.Headers.Location!.ToString());
        Assert.Contains("解除", edit);
    }

    /// <summary>A post that names no handler, or one the page does not have, is a 400, never a 500; a bad kind is refused in Japanese.</summary>
    [Fact]
    public async Task APostWithoutAKnownHandler_IsABadRequest_AndAnUnknownKindIsRefused()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await Released(staff);
        var draftId = (await Stored(id)).DraftId;
        foreach (var url in new[] { $"/sent/{id}", $"/sent/{id}?handler=Nope", $"/drafts/{draftId}", $"/drafts/{draftId}?handler=Nope" })
            Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostForm(url, [])).StatusCode);
        var bogus = await staff.PostForm($"/sent/{id}?handler=FollowUp", new() { ["kind"] = "99" });
        Assert.Equal(HttpStatusCode.OK, bogus.StatusCode);
        Assert.Contains("解除・修正・補足のいずれかを選んでください。", await bogus.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Y9_3_TheHomePageListsOnlyWhatIsScheduledOrSending_NotTheCancelledDemoAlert()
    {
        var home = await (await _app.SignedIn("demo-staff")).GetStringAsync("/");
        Assert.DoesNotContain("予約取消", home);
    }
}
