using System.Text.RegularExpressions;
using MimeKit;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>A registered resident (form, confirmation link, button) and the links mailed to them.</summary>
public static partial class ResidentFlow
{
    [GeneratedRegex("href=\"(/subscribe/manage/[^\"?]+)")]
    private static partial Regex ManageHref();

    [GeneratedRegex(@"https?://[^/\s]+(/subscribe/address/[A-Za-z0-9_\-\.]+)")]
    private static partial Regex AddressLink();

    public static MimeMessage? MailTo(WebApp app, string envelopeAddress) =>
        app.Smtp.Accepted.LastOrDefault(m => m.To.Mailboxes.Any(x => x.Address == envelopeAddress));

    /// <summary>Registers and confirms <paramref name="address"/>; returns the path of its settings page.</summary>
    public static async Task<string> Registered(WebApp app, HttpClient client, string address)
    {
        var link = await SubscriptionLinks.Confirm(app, client, address);
        var done = await (await client.PostForm(link, [])).Content.ReadAsStringAsync();
        return ManageHref().Match(done).Groups[1].Value;
    }

    /// <summary>The path of the address-change link in the last mail to <paramref name="envelopeAddress"/>.</summary>
    public static string AddressChangeLink(WebApp app, string envelopeAddress) =>
        AddressLink().Match(MailTo(app, envelopeAddress)?.TextBody ?? "").Groups[1].Value;
}
