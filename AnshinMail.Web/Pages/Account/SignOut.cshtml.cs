using AnshinMail.Rules.Accounts;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Account;

/// <summary>Y7.1: signing out ends every session of the person, a copied cookie included.</summary>
public sealed class SignOutModel(SessionService sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.SignOutAsync(User.ToPerson().Id);
        await HttpContext.SignOutAsync(StaffIdentity.Scheme);
        return RedirectToPage("/Account/SignIn");
    }
}
