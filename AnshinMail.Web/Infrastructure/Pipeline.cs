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

            """);
    }

    private static string SignIns(WebApplication app) =>
        app.Configuration.GetValue("AnshinMail:Demo", false)
        && DemoScript.For(app.Services.GetRequiredService<PolicyBook>()) is { } demo
            ? $"""
                デモ用アカウント（パスワードはすべて {DemoScript.Password}）:
                {string.Join(Environment.NewLine, demo.Accounts.Select(p => $"  {p.Id,-14} {p.Name}"))}
                """
            : SetupAdminCommand.Hint(app.Services);
}
