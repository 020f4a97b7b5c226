using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

public static class Pipeline
{
    /// <summary>CSP without inline script, no framing, no sniffing, same-origin referrers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        await next();
    });

    /// <summary>Y6.2, Y6.3: until the initial or expired password is changed, only the change page (and sign-out) opens.</summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.MustChangePassword() && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/Error"))
        {
            var expired = context.User.PasswordExpired();
            context.Response.Redirect(expired ? "/account/password?expired=true" : "/account/password");
            return;
        }
        await next();
    });

    /// <summary>/healthz: database and mail transport.</summary>
    public static void MapHealth(this WebApplication app) => app.MapGet("/healthz", async (PolicyBook book, AnshinDbContext db, IMailTransport transport, CancellationToken ct) =>
    {
        var database = await db.Database.CanConnectAsync(ct);
        string mail;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var session = await transport.OpenAsync(timeout.Token);
            mail = "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            mail = "unreachable: " + e.Message;
        }
        var ok = database && mail == "ok";
        var body = new { status = ok ? "ok" : "degraded", policyBook = book.SourcePath, database, mail, transport = transport.Describe() };
        return ok ? Results.Ok(body) : Results.Json(body, statusCode: 503);
    }).AllowAnonymous();
}

/// <summary>What `dotnet run` prints once listening: the URL and, with the demo, its sign-ins.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, PolicyBook book)
    {
        var urls = string.Join(", ", app.Urls);
        Console.WriteLine($"""

            {book.SystemName}（{book.Prefecture}）: {urls}
            {SignIns(app)}
            配信メールの出力先: {app.Services.GetRequiredService<IMailTransport>().Describe()}

            """);
    }

    private static string SignIns(WebApplication app) => app.Configuration.GetValue("AnshinMail:Demo", false)
        ? $"""
            デモ用アカウント（パスワードはすべて {DemoSeed.Password}）:
            {string.Join(Environment.NewLine, DemoSeed.People.Select(p => $"  {p.Id,-14} {p.Name}"))}
            """
        : SetupAdminCommand.Hint(app.Services);
}
