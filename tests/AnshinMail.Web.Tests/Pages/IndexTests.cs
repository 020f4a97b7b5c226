using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages;

/// <summary>ホーム: every link and every form it renders works, for every role of the demo (Y11.2: 解除情報を作成 too).</summary>
public sealed partial class IndexTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("demo-staff")]
    [InlineData("demo-head")]
    [InlineData("demo-pr")]
    [InlineData("demo-duty")]
    [InlineData("demo-hq")]
    [InlineData("demo-hq-head")]
    [InlineData("demo-admin")]
    [InlineData("demo-desk")]
    [InlineData("demo-koho")]
    [InlineData("demo-minami")]
    public async Task EveryLinkAndFormOnTheHomePage_Works(string user)
    {
        var client = await _app.SignedIn(user);
        var home = await client.GetStringAsync("/");
        var links = Link().Matches(home).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (var link in links.Where(l => l.StartsWith('/') && !l.StartsWith("/account/signout", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(link);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{user}: GET {link} → {(int)response.StatusCode}");
        }
        foreach (Match form in PostForm().Matches(home))
        {
            var action = WebUtility.HtmlDecode(form.Groups[1].Value);
            if (action.StartsWith("/account/signout", StringComparison.Ordinal)) continue;
            var response = await client.PostForm(action, [], formPage: "/");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{user}: POST {action} → {(int)response.StatusCode}");
        }
    }

    /// <summary>Y11.2: the open-incident list's 「解除情報を作成」 starts a resolution draft of that alert.</summary>
    [Fact]
    public async Task Y11_2_CreateResolutionFromTheHomePage_OpensTheResolutionDraft()
    {
        var client = await _app.SignedIn("demo-staff");
        var home = await client.GetStringAsync("/");
        var action = PostForm().Matches(home).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .First(a => a.Contains("handler=FollowUp", StringComparison.Ordinal) && a.Contains("kind=Resolution", StringComparison.Ordinal));
        var response = await client.PostForm(action, [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edit = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("解除", edit);
    }

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<form [^>]*method=\"post\"[^>]*action=\"([^\"]+)\"")]
    private static partial Regex PostForm();
}
