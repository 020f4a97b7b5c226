using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AnshinMail.Web.Pages.Public;

/// <summary>T5: the link mailed to a new address opens this page; only pressing the button moves the subscription
/// (mail scanners open links too).</summary>
[EnableRateLimiting("public")]
public sealed class AddressModel(AddressChange change) : ResidentPageModel
{
    public string? NewEmail { get; private set; }
    public string? ManageToken { get; private set; }
    public Microsoft.AspNetCore.Html.IHtmlContent? Error { get; private set; }

    public async Task OnGetAsync(string token) => NewEmail = await change.PendingAddressAsync(token);

    public async Task OnPostAsync(string token)
    {
        NewEmail = await change.PendingAddressAsync(token);
        if (NewEmail is null) return;
        try
        {
            ManageToken = await change.ConfirmAsync(token);
            if (ManageToken is null) NewEmail = null; // used meanwhile
        }
        catch (PolicyRefusedException e)
        {
            Error = RefusalText(e);
        }
    }
}
