using System.Text.RegularExpressions;
using System.Net;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Sent;

/// <summary>
/// Y11.3, Y7.2: a sent alert's follow-ups are for its own unit; another unit gets the refusal, never a 500.
/// </summary>
public sealed class DetailTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> StationAlert()
    {
        _ = _app.Browser(); // starts the host, which seeds the demo's sent alerts
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        // An original whose case is still open (the demo's first alert is resolved, and a resolved case is not shared).
        return await db.Alerts.Where(a => a.UnitId == "nagano-chuo" && a.FollowUpKind == null && a.ResolvedAt == null)
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    [Theory]
    [InlineData("Correction")]
    [InlineData("Supplement")]
    [InlineData("Resolution")]
    public async Task Y11_3_AFollowUpOnAnotherUnitsAlert_IsRefused_NotA500(string kind)
    {
        var id = await StationAlert();
        var hq = await _app.SignedIn("demo-hq");
        var response = await hq.PostForm($"/sent/{id}?handler=FollowUp", new() { ["kind"] = kind }, "/drafts/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/account/denied", location, StringComparison.OrdinalIgnoreCase);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        Assert.False(await db.Drafts.AnyAsync(d => d.FollowUpOfAlertId == id && d.UnitId != "nagano-chuo"));
    }

    [Fact]
    public async Task Y11_3_TheSecurityManagerSeesTheAlert_AndTheRefusalOnThePage()
    {
        var id = await StationAlert();
        var admin = await _app.SignedIn("demo-admin");
        var response = await admin.PostForm(
            $"/sent/{id}?handler=FollowUp", new() { ["kind"] = "Correction" }, "/drafts/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"配信 {id}", page);
        Assert.Contains("この情報の解除・修正・補足は配信所属（長野中央警察署）または配信要請所属が行います。", page);
    }

    [Fact]
    public async Task ResolutionFromTheAlertPageClosesTheIncident()
    {
        var staff = await _app.SignedIn("demo-staff");
        var head = await _app.SignedIn("demo-head");
        var id = await DraftForms.CreateDraft(staff);
        await DraftForms.Approve(head, id);
        var alertUrl = (await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" })).Headers.Location!.ToString();
        Assert.Contains(alertUrl, await staff.GetStringAsync("/")); // owed a resolution: on the home page

        var followUp = await staff.PostForm($"{alertUrl}?handler=FollowUp", new() { ["kind"] = "Resolution" });
        Assert.Equal(HttpStatusCode.Redirect, followUp.StatusCode);
        var resolutionId = DraftForms.EditedDraft(followUp.Headers.Location!.ToString());
        var edit = await staff.GetStringAsync($"/drafts/{resolutionId}/edit");
        Assert.Contains("声かけ事案の発生", edit); // prefilled from the original
        await DraftForms.Approve(head, resolutionId);
        var sent = await staff.PostForm($"/drafts/{resolutionId}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var original = await staff.GetStringAsync(alertUrl);
        Assert.Contains("解除済み", original);
        Assert.DoesNotContain("解除情報を作成", original);
    }

    [Fact]
    public async Task Y11_4_TheStationSharesItsAlertWithANeighbourWithAReason_TheNeighbourOpensAPrefilledDraft()
    {
        var id = await StationAlert();
        var staff = await _app.SignedIn("demo-staff");
        var page = await staff.GetStringAsync($"/sent/{id}");
        Assert.Contains("隣接署への情報提供・配信要請", page);
        Assert.Contains(">長野南警察署</option>", page);
        Assert.Contains("広域に及ぶ（隣接署へ波及する）おそれ", page);
        Assert.Contains("手配が必要", page);

        var filed = await staff.PostForm($"/sent/{id}?handler=Share", new()
        {
            ["ShareTo"] = "nagano-minami", ["ShareReason"] = "WantedNotice", ["ShareNote"] = "車両の手配をお願いします",
        });
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var url = filed.Headers.Location!.ToString();
        var request = await staff.GetStringAsync(url);
        Assert.Contains("<dt>要請の理由</dt><dd>手配が必要</dd>", request);
        Assert.Contains("車両の手配をお願いします", request);

        var neighbour = await _app.SignedInAs("minami-staff", "nagano-minami", Role.Staff);
        Assert.Contains(url, await neighbour.GetStringAsync("/"));
        var taken = await neighbour.PostForm($"{url}?handler=TakeOver", []);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var edit = await neighbour.GetStringAsync(taken.Headers.Location!.ToString());
        Assert.Contains("value=\"長野市南部\" checked", edit);
        Assert.Contains("クマの目撃情報", edit); // the demo's open case (its first, 声かけ事案, is resolved)
    }

    [Fact]
    public async Task Y11_4_AShareToAStationThatIsNoNeighbour_IsRefusedInJapanese_AndOtherUnitsSeeNoShareForm()
    {
        var id = await StationAlert();
        var staff = await _app.SignedIn("demo-staff");
        var refused = await staff.PostForm($"/sent/{id}?handler=Share", new()
        {
            ["ShareTo"] = "iida", ["ShareReason"] = "Spread", ["ShareNote"] = "残した補足",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("要請先は自署の隣接署から選んでください。", page);
        Assert.Contains("残した補足", page);

        var admin = await _app.SignedIn("demo-admin"); // reads every alert, shares none
        Assert.DoesNotContain("id=\"share\"", await admin.GetStringAsync($"/sent/{id}"));
        var notHis = await admin.PostForm($"/sent/{id}?handler=Share", new() { ["ShareTo"] = "nagano-minami", ["ShareReason"] = "Spread" });
        Assert.Contains("他所属（長野中央警察署）の業務は扱えません。", await notHis.Content.ReadAsStringAsync());
        var hq = await _app.SignedIn("demo-hq");
        Assert.Equal(HttpStatusCode.Redirect, (await hq.GetAsync($"/sent/{id}")).StatusCode);
    }

    [Fact]
    public async Task Y11_4_AResolvedCaseIsNotSharedWithANeighbour_NoFormAndAForgedPostIsRefused()
    {
        var staff = await _app.SignedIn("demo-staff");
        var archive = await staff.GetStringAsync("/alerts");
        var resolved = System.Text.RegularExpressions.Regex.Match(archive,
            "href=\"/alerts/(\\d+)\">【子供安全情報】声かけ事案の発生[^<]*</a>\\s*<span[^>]*>解除済み").Groups[1].Value;
        Assert.NotEmpty(resolved);
        Assert.DoesNotContain("id=\"share\"", await staff.GetStringAsync($"/sent/{resolved}"));
        var refused = await staff.PostForm($"/sent/{resolved}?handler=Share",
            new() { ["ShareTo"] = "nagano-minami", ["ShareReason"] = "Spread" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("解除済み・終了済み・取り下げ済みの事案は", await refused.Content.ReadAsStringAsync());
    }
}
