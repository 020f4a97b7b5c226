using System.Net;
using System.Text.RegularExpressions;

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
}
