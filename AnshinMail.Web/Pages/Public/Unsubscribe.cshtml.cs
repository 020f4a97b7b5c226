using AnshinMail.Rules.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>
/// RFC 8058: a POST to the List-Unsubscribe URL (body List-Unsubscribe=One-Click, sent by mail clients
/// without cookies or forms) unsubscribes at once; a GET shows a page with a button. The personal token
/// in the URL is the only credential, so there is no antiforgery token to check.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(SubscriptionService subscriptions) : ResidentPageModel
{
    public bool Known { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(string token) =>
        Known = token != "done" && await subscriptions.FindAsync(token) is not null;

    public async Task<IActionResult> OnPostAsync(string token)
    {
        await subscriptions.DeleteAsync(token);
        Done = true;
        return Page();
    }
}
