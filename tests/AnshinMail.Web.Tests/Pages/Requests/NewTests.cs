using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Policy;

namespace AnshinMail.Web.Tests.Pages.Requests;

/// <summary>/requests/new: a station asks the division in charge to send outside its jurisdiction (T3(2)).</summary>
public sealed class NewTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DistributionRequestIsTakenOverByTheDivision()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("管外の声かけ事案");
        fields["Form.Areas"] = "長野市南部";
        var filed = await staff.PostForm("/requests/new?handler=Save", fields, "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var requestUrl = filed.Headers.Location!.ToString();

        var hq = await _app.SignedIn("demo-hq");
        Assert.Contains(requestUrl, await hq.GetStringAsync("/"));
        var taken = await hq.PostForm($"{requestUrl}?handler=TakeOver", []);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var edit = await hq.GetStringAsync(taken.Headers.Location!.ToString());
        Assert.Contains("管外の声かけ事案", edit);
        Assert.Contains("value=\"長野市南部\" checked", edit);
    }

    private async Task<string> FileRequest(HttpClient staff, string? division = null)
    {
        var fields = DraftForms.Draft("管外の声かけ事案");
        fields["Form.Areas"] = "長野市南部";
        if (division is not null) fields["Form.DivisionInCharge"] = division;
        var filed = await staff.PostForm("/requests/new?handler=Save", fields, "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        return filed.Headers.Location!.ToString();
    }

    [Fact]
    public async Task T3_2_ByDayTheRequestGoesToTheDivisionTheWriterPicked()
    {
        var staff = await _app.SignedIn("demo-staff");
        var request = await staff.GetStringAsync(await FileRequest(staff, "seikatsu-anzen-kikaku"));
        Assert.Matches("<dt>要請先</dt><dd>生活安全企画課</dd>", request);
        Assert.Contains("<dt>事案を主管する本部主管課</dt><dd>生活安全企画課</dd>", request);
    }

    [Theory]
    [InlineData(2026, 11, 27, 23)] // Friday, a working day, at 23:00
    [InlineData(2027, 1, 11, 10)] // 成人の日, a public holiday, in the morning
    public async Task T3_2_AtNightAndOnAHolidayTheRequestGoesToTheDutyDesk_WhichForwardsItToTheDivision(
        int y, int m, int d, int h)
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(y, m, d, h, 0, 0, TimeSpan.FromHours(9)));
        var staff = await _app.SignedIn("demo-staff");
        var url = await FileRequest(staff);
        var page = await staff.GetStringAsync(url);
        Assert.Contains("<dt>要請先</dt><dd>総合当直</dd>", page);
        Assert.Contains("<dt>事案を主管する本部主管課</dt><dd>人身安全・少年課</dd>", page);
        Assert.DoesNotContain("id=\"forward\"", page); // the station does not forward

        var desk = await _app.SignedIn("demo-desk");
        var deskHome = await desk.GetStringAsync("/");
        Assert.Contains(url, deskHome);
        Assert.Contains("<td>管外の声かけ事案</td>", deskHome); // the desk reads what it is about at night
        var deskPage = await desk.GetStringAsync(url);
        Assert.Contains("id=\"forward\"", deskPage);
        Assert.Contains("引き継いで配信文（案）を作成", deskPage); // or it sends it itself
        var forwarded = await desk.PostForm($"{url}?handler=Forward", new() { ["ToDivision"] = "jinshin-anzen-shonen" });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        var next = forwarded.Headers.Location!.ToString();
        Assert.Contains("主管課へ回付済み", await desk.GetStringAsync(url));

        var hq = await _app.SignedIn("demo-hq");
        Assert.Contains(next, await hq.GetStringAsync("/"));
        var taken = await hq.PostForm($"{next}?handler=TakeOver", []);
        Assert.Contains("管外の声かけ事案", await hq.GetStringAsync(taken.Headers.Location!.ToString()));
    }
}
