using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Hosting;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Web;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;
var root = builder.Environment.ContentRootPath;

var book = PolicyBook.Load(PolicyBookLocator.Find(config["AnshinMail:PolicyBook"], root));
// 訓練: malformed drill settings stop the start, like a damaged database (exit code 1, a Japanese message).
if (Startup.TryReadDrill(config) is not { } drill) return 1;
var site = PublicSite.From(config);
var proxies = ReverseProxy.KnownProxies(config);
site.ApplyAllowedHosts(builder.Configuration);
builder.Services.AddSingleton(site);
var storage = new StorageOptions
{
    Provider = config["AnshinMail:Database:Provider"] ?? "sqlite",
    ConnectionString = config["AnshinMail:Database:ConnectionString"]
        ?? $"Data Source={Path.Combine(root, drill.Active ? "anshinmail-drill.db" : "anshinmail.db")}",
};
var delivery = (config.GetSection("AnshinMail:Delivery").Get<DeliveryOptions>() ?? new DeliveryOptions())
    with { PublicBaseUrl = site.BaseUrl };
// 訓練: a drill's mail lands in a folder of its own, never mixed with a real run's.
if (drill.Active)
    delivery = delivery with { PickupDirectory = config["AnshinMail:Drill:PickupDirectory"] ?? "maildrop-drill" };
if (!Path.IsPathRooted(delivery.PickupDirectory))
    delivery = delivery with { PickupDirectory = Path.Combine(root, delivery.PickupDirectory) };
var inbound = config.GetSection("AnshinMail:Inbound").Get<AnshinMail.Rules.Subscribers.InboundOptions>();
var webhooks = config.GetSection("AnshinMail:Webhooks").Get<WebhookOptions>();
var node = config.GetSection("AnshinMail:Node").Get<AnshinMail.Rules.Nodes.NodeOptions>()
    ?? new AnshinMail.Rules.Nodes.NodeOptions();
builder.Services.AddAnshinMail(book, storage, delivery, config.GetValue("AnshinMail:Delivery:Worker", true), inbound,
    webhooks, node, drill);
builder.Services.AddOperationsMetrics();

// Cookies and antiforgery tokens are protected with keys kept in the database, under one application name: every
// node on the same database accepts every other node's cookies (a node's content root does not matter).
builder.Services.AddDataProtection().SetApplicationName("AnshinMail").PersistKeysToDbContext<AnshinDbContext>();
builder.Services.AddAuthentication(StaffIdentity.Scheme).AddCookie(StaffIdentity.Scheme, o =>
{
    o.LoginPath = "/account/signin";
    o.LogoutPath = "/account/signout";
    o.AccessDeniedPath = "/account/denied";
    o.ExpireTimeSpan = TimeSpan.FromMinutes(book.PasswordPolicy.SessionTimeoutMinutes);
    o.SlidingExpiration = true;
    o.Cookie.Name = "anshin.staff";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Events = new StaffSessionCheck();
    // The installation's clock, also in a drill: a session cookie (no Expires attribute) whose issue and expiry live
    // only in the ticket the server checks on the clock that issued it; the drill clock runs at the real rate, so the
    // book's session timeout lasts as long as in a real run.
});
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("signin", http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("AnshinMail:SignInPerMinute", 20), Window = TimeSpan.FromMinutes(1),
        }));
    // Public forms (registration): per IP; the library adds a per-address limit on mails.
    o.AddPolicy("public", http => http.Request.Method == "GET"
        ? RateLimitPartition.GetNoLimiter("get")
        : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = config.GetValue("AnshinMail:PublicPostsPerMinute", 10), Window = TimeSpan.FromMinutes(1),
            }));
});
builder.Services.AddPublicCache(config);
builder.Services.AddRazorPages(o => o.Conventions.AllowAnonymousToFolder("/Public"))
    .AddMvcOptions(o => o.UseJapaneseFormBinding());
// Japanese text stays readable in the HTML; Razor still escapes markup characters.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();
if (MigrateCommand.IsInvoked(args)) return MigrateCommand.Run(storage, Console.Out, Console.Error);
if (BackupCommand.IsInvoked(args)) return BackupCommand.Run(args, storage, Console.Out, Console.Error);
site.Announce(app.Logger);
if (config.GetValue("AnshinMail:Database:MigrateAtStart", true) ? !Startup.TryMigrate(storage)
        : !Startup.IsUpToDate(storage))
    return 1;
if (!Startup.TryCheckDrillDatabase(drill, storage)) return 1;
if (SetupAdminCommand.IsInvoked(args))
    return await SetupAdminCommand.RunAsync(args, app.Services, Console.Out, Console.Error);
// Y6.2: the demo's password is published in the README: only the `dotnet run` launch profile turns it on.
if (config.GetValue("AnshinMail:Demo", false))
    await DemoSeed.RunAsync(app.Services, app.Logger);

// Behind the reverse proxy: the client's address and scheme, believed from the known proxies only.
app.UseReverseProxy(proxies);
// No exception page ever reaches a user, in any environment: a Japanese page with a reference id.
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UsePublicCacheEviction();
app.UsePasswordChangeGate();
app.MapRazorPages();
app.MapHealth();
app.MapMetrics(config[Metrics.TokenSetting]);
app.MapPublicFeeds();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, book));
app.Run();
return 0;

public partial class Program;
