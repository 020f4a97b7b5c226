using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Web.Infrastructure;

public static class Pipeline
{
    /// <summary>CSP without inline script, no framing, no sniffing, same-origin referrers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        await next();
    });

    /// <summary>Y6.2, Y6.3: until the initial or expired password is changed, only the change page (and sign-out)
    /// opens.</summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.MustChangePassword() && !path.StartsWithSegments("/account")
            && !path.StartsWithSegments("/Error"))
        {
            var expired = context.User.PasswordExpired();
            context.Response.Redirect(expired ? "/account/password?expired=true" : "/account/password");
            return;
        }
        await next();
    });
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
            {DrillLine(app)}

            """);
    }

    /// <summary>訓練: the drill's clock as it starts, so whoever started it sees the time staff will see.</summary>
    private static string DrillLine(WebApplication app) =>
        app.Services.GetRequiredService<AnshinMail.Rules.Drill.DrillMode>().Active
            ? "訓練モード: 訓練の時刻 " + AnshinMail.Rules.Templates.JapaneseDateText.Stamp(
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
                app.Services.GetRequiredService<PolicyBook>().Zone) + " から進みます（件名に【訓練】、本番の公開なし）"
            : "";

    private static string SignIns(WebApplication app) =>
        app.Configuration.GetValue("AnshinMail:Demo", false)
        && DemoScript.For(app.Services.GetRequiredService<PolicyBook>()) is { } demo
            ? $"""
                デモ用アカウント（パスワードはすべて {DemoScript.Password}）:
                {string.Join(Environment.NewLine, demo.Accounts.Select(p => $"  {p.Id,-14} {p.Name}"))}
                """
            : SetupAdminCommand.Hint(app.Services);
}
