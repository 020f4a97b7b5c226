using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Policy;

namespace AnshinMail.Web.Tests.Pages.Requests;

/// <summary>/requests/{id}: the receiving unit handles a request (T3(2), T4(2)).</summary>
public sealed class DetailTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

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

    private async Task<string> NightRequest()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.FromHours(9)));
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("夜間の管外事案");
        fields["Form.Areas"] = "長野市南部";
        var filed = await staff.PostForm("/requests/new?handler=Save", fields, "/requests/new");
        return filed.Headers.Location!.ToString();
    }

    [Fact]
    public async Task T3_2_OnlyTheDutyDeskForwards_TheStationIsRefusedInJapanese_AnotherUnitCannotOpenIt()
    {
        var url = await NightRequest();
        var staff = await _app.SignedIn("demo-staff");
        var refused = await staff.PostForm($"{url}?handler=Forward", new() { ["ToDivision"] = "jinshin-anzen-shonen" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("他所属（総合当直）の業務は扱えません。", await refused.Content.ReadAsStringAsync());

        var hq = await _app.SignedIn("demo-hq"); // neither the asking nor the receiving unit
        var closed = await hq.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.StartsWith("/account/denied", closed.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);

        var desk = await _app.SignedInAs("desk-staff", "sogo-tochoku", Role.Staff);
        var wrong = await desk.PostForm($"{url}?handler=Forward", new() { ["ToDivision"] = "nagano-chuo" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("回付先は本部の課の一覧から選んでください。", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task T4_2_TheRelayRequestShowsTheSubjectAndTheText()
    {
        var admin = await _app.SignedIn("demo-admin");
        var home = await admin.GetStringAsync("/");
        var request = Regex.Match(home, "href=\"(/requests/\\d+)\"").Groups[1].Value;
        var page = await admin.GetStringAsync(request);
        Assert.Contains("<h2>配信した内容</h2>", page);
        Assert.Matches("<p class=\"subject\">[^<]+</p>", page);
        Assert.Matches("<pre class=\"body\">[^<]+", page);
        var staff = await _app.SignedIn("demo-staff"); // the sending station reads it too, but does not handle it
        Assert.DoesNotContain("処理済みにする", await staff.GetStringAsync(request));
        var refused = await staff.PostForm($"{request}?handler=Complete", []);
        Assert.Contains("他所属（生活安全企画課）の業務は扱えません。", await refused.Content.ReadAsStringAsync());
    }
}
