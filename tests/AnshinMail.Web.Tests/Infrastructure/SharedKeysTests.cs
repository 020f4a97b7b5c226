using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Y13 (two nodes, one database): the keys that protect cookies and antiforgery tokens live in the database, so a
/// node accepts what another node issued: a sign-in made on one, a form token taken from one. A node on another
/// database (other keys) does not: the test can tell.
/// </summary>
public sealed partial class SharedKeysTests : IAsyncLifetime
{
    private readonly WebApp _first = new();
    private WebApp? _second, _stranger;

    public Task InitializeAsync()
    {
        _ = _first.Services; // the first node starts, migrates and seeds before the second joins its database
        _second = new WebApp(demo: false, shared: _first.Database);
        _stranger = new WebApp(demo: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second!.DisposeAsync();
        await _stranger!.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Y13_ASignInOnOneNode_IsAcceptedByTheOther_NotByANodeOfAnotherDatabase()
    {
        var session = await SignIn(_first);
        Assert.Equal(HttpStatusCode.OK, (await Get(_second!, "/", session)).StatusCode);
        var elsewhere = await Get(_stranger!, "/", session);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Contains("/account/signin", elsewhere.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Y13_AFormTokenFromOneNode_IsAcceptedByTheOther_NotByANodeOfAnotherDatabase()
    {
        var (token, cookie) = await FormToken(_first);
        var accepted = await PostSignIn(_second!, token, cookie);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("anshin.staff=", string.Join(";", accepted.Headers.GetValues("Set-Cookie")));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSignIn(_stranger!, token, cookie)).StatusCode);
    }

    private static HttpClient Client(WebApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<(string Token, string Cookie)> FormToken(WebApp app)
    {
        var response = await Client(app).GetAsync("/account/signin");
        var token = Token().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        return (token, Cookies(response));
    }

    private static async Task<HttpResponseMessage> PostSignIn(WebApp app, string token, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserId"] = "demo-staff",
                ["Password"] = "anshin-demo-2026",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return await Client(app).SendAsync(request);
    }

    private static async Task<string> SignIn(WebApp app)
    {
        var (token, cookie) = await FormToken(app);
        var response = await PostSignIn(app, token, cookie);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Cookies(response);
    }

    private static async Task<HttpResponseMessage> Get(WebApp app, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await Client(app).SendAsync(request);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
