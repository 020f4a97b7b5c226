using AnshinMail.Rules.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>The confirmation link opens a page; only pressing the button confirms (mail scanners open links
/// too).</summary>
public sealed class ConfirmModel(SubscriptionService subscriptions) : ResidentPageModel
{
    public bool Valid { get; private set; }
    public string? ManageToken { get; private set; }

    public async Task OnGetAsync(string token) => Valid = await subscriptions.IsPendingAsync(token);

    public async Task OnPostAsync(string token)
    {
        ManageToken = await subscriptions.ConfirmAsync(token);
        Valid = ManageToken is not null;
    }
}
