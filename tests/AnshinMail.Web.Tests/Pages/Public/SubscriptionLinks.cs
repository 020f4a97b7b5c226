using System.Text.RegularExpressions;
using AnshinMail.Rules.Subscribers;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>
/// The two links a resident gets by mail: the confirmation link (form registration) and the start link (empty mail).
/// </summary>
public static partial class SubscriptionLinks
{
    [GeneratedRegex(@"https?://[^/\s]+(/subscribe/start/[A-Za-z0-9_\-\.]+)")]
    private static partial Regex StartLink();

    [GeneratedRegex(@"https?://[^/\s]+(/subscribe/confirm/[A-Za-z0-9_\-\.]+)")]
    private static partial Regex ConfirmLink();

    /// <summary>
    /// The path of the start link the reply to an empty mail from <paramref name="address"/> carries.
    /// </summary>
    public static async Task<string> Start(WebApp app, string address)
    {
        _ = app.Browser(); // starts the host
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<EmptyMailRegistration>().ReplyAsync(address);
        // The registration reply, not a demo alert still fanning out to the same resident.
        var reply = app.Smtp.Accepted.Last(m => m.To.Mailboxes.Any(x => x.Address == address)
            && StartLink().IsMatch(m.TextBody ?? ""));
        return StartLink().Match(reply.TextBody ?? "").Groups[1].Value;
    }

    /// <summary>
    /// The path of the confirmation link mailed after registering <paramref name="address"/> on the form.
    /// </summary>
    public static async Task<string> Confirm(WebApp app, HttpClient client, string address)
    {
        await client.PostForm("/subscribe",
            new() { ["Email"] = address, ["Categories"] = "child-safety", ["Areas"] = "長野市北部" });
        var mail = app.Smtp.Accepted.Last(m => m.To.Mailboxes.Any(x => x.Address == address)
            && ConfirmLink().IsMatch(m.TextBody ?? ""));
        return ConfirmLink().Match(mail.TextBody ?? "").Groups[1].Value;
    }
}
