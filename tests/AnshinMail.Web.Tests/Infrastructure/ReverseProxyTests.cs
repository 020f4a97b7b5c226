using System.Net;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Y13 (24 hours, every day) and Y7.4 (nothing that lowers the system's safety) behind the reverse proxy of
/// docs/operations.md: every request reaches the node from the proxy's address (here 10.0.0.5, as a real
/// connection from nginx would). The per-IP sign-in limit must count the client the proxy names, so one attacker
/// cannot keep every officer from signing in; a client that is not a known proxy cannot pick its own address.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private readonly WebApp _app = new();
    private WebApplicationFactory<Program>? _behindProxy;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_behindProxy is not null) await _behindProxy.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Y13_AnAttackerThroughTheProxyUsesUpOnlyHisOwnSignInLimit_TheOfficerStillSignsIn()
    {
        var site = Start(knownProxies: Proxy);
        Assert.Equal(HttpStatusCode.TooManyRequests, await Hammer(site, "203.0.113.9"));

        var officer = Client(site, "198.51.100.7");
        var response = await officer.PostForm("/account/signin",
            new() { ["UserId"] = "demo-duty", ["Password"] = "anshin-demo-2026" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Y7_4_WithoutKnownProxiesAForgedForwardedAddressIsNotBelieved()
    {
        var site = Start(knownProxies: null);
        var client = Client(site, "203.0.113.1");
        for (var i = 0; i < 3; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 2}");
            await client.PostAsync("/account/signin", new FormUrlEncodedContent([]));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await Hammer(site, "198.51.100.7"));
    }

    [Fact]
    public async Task Y7_4_BehindATlsProxyTheStaffCookieIsSentOnlyOverHttps()
    {
        var officer = Client(Start(knownProxies: Proxy), "198.51.100.7");
        officer.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await officer.PostForm("/account/signin",
            new() { ["UserId"] = "demo-duty", ["Password"] = "anshin-demo-2026" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("anshin.staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Y13_AMistypedProxyAddressStopsTheStartWithAJapaneseMessage()
    {
        static IConfiguration Config(string value) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ReverseProxy.Key] = value }).Build();
        var error = Assert.Throws<InvalidOperationException>(
            () => (object)ReverseProxy.KnownProxies(Config("10.0.0.5, nginx-1")));
        Assert.Contains("プロキシのアドレスとして使えません", error.Message);
        Assert.Equal(2, ReverseProxy.KnownProxies(Config("10.0.0.5, 10.1.0.0/16")).Count);
    }

    /// <summary>Sign-in posts from one client until the limit answers (at most the limit + 1 posts).</summary>
    private static async Task<HttpStatusCode> Hammer(WebApplicationFactory<Program> site, string client)
    {
        var attacker = Client(site, client);
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 4 && status != HttpStatusCode.TooManyRequests; i++)
            status = (await attacker.PostAsync("/account/signin", new FormUrlEncodedContent([]))).StatusCode;
        return status;
    }

    private WebApplicationFactory<Program> Start(string? knownProxies)
    {
        _app.Settings["AnshinMail:SignInPerMinute"] = "3";
        if (knownProxies is not null) _app.Settings[ReverseProxy.Key] = knownProxies;
        _behindProxy = _app.WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromProxy())));
        return _behindProxy;
    }

    private static HttpClient Client(WebApplicationFactory<Program> site, string forwardedFor)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    /// <summary>Every connection comes from the proxy's address, as behind nginx.</summary>
    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
