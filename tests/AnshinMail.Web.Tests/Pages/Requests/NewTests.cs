using System.Net;
using System.Text.RegularExpressions;

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
}
