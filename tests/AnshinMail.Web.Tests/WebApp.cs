using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Tests.Delivery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnshinMail.Web.Tests;

/// <summary>
/// The web app on a SQLite file (or a PostgreSQL database in a PostgreSQL run: <see cref="TestDatabase"/>), delivering over SMTP to a real server on loopback, with the demo
/// seed (asked for explicitly: a start without it has none), and a clock fixed inside working hours
/// (Friday 27 Nov 2026, 14:00 JST) so results do not depend on when the tests run. Given a
/// <paramref name="drill"/> start instead, the app runs as a drill (訓練) on its own drill clock, which starts at
/// that instant (the fixed clock is then not used).
/// </summary>
/// <param name="demo">Seed the demo into the (empty) database.</param>
/// <param name="drill">A drill's start: the app runs as a drill on its own clock.</param>
/// <param name="shared">Another app's database: a second node on it, which leaves it to its owner to delete.</param>
public sealed class WebApp(bool demo = true, string? drill = null, TestDatabase? shared = null)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.FromHours(9));
    // SQLite: no file yet, the app creates and migrates it at start. PostgreSQL: a copy of the migrated template.
    private readonly TestDatabase _db = shared ?? new(migrated: TestPostgres.RunProvider == StorageOptions.Postgres);

    public TestSmtpServer Smtp { get; } = new TestSmtpServer().Start();
    public FakeTimeProvider Clock { get; } = new(Friday);
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The database of this app (its provider and connection string).</summary>
    public TestDatabase Database => _db;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("AnshinMail:Database:Provider", _db.Provider);
        builder.UseSetting("AnshinMail:Database:ConnectionString", _db.Options.ConnectionString);
        if (demo) builder.UseSetting("AnshinMail:Demo", "true");
        builder.UseSetting("AnshinMail:Delivery:Transport", "smtp");
        builder.UseSetting("AnshinMail:Delivery:Host", "127.0.0.1");
        builder.UseSetting("AnshinMail:Delivery:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AnshinMail:Delivery:PollInterval", "00:00:00.200");
        builder.UseSetting("AnshinMail:SignInPerMinute", "1000");
        if (drill is not null) builder.UseSetting("AnshinMail:Drill:Start", drill);
        // Public pages fresh on every request (tests read them right after changing things behind the web's back);
        // PublicCacheTests turns the cache on.
        builder.UseSetting("AnshinMail:PublicCacheSeconds", "0");
        foreach (var (k, v) in Settings) builder.UseSetting(k, v);
        if (drill is null) builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A signed-in client (demo password) that follows nothing by itself.</summary>
    public async Task<HttpClient> SignedIn(string user)
    {
        var client = Browser();
        var response = await client.PostForm("/account/signin", new() { ["UserId"] = user, ["Password"] = "anshin-demo-2026" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        if (shared is null) _db.Dispose();
    }
}

public static partial class HttpClientForms
{
    /// <summary>GETs the page the form lives on (or <paramref name="formPage"/>), takes its antiforgery token, and posts.</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var page = await client.GetStringAsync(formPage ?? url.Split('?')[0]);
        var token = Token().Match(page).Groups[1].Value;
        var pairs = fields.Append(new("__RequestVerificationToken", token)).Concat(extra ?? []);
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
