using System.ComponentModel.DataAnnotations;
using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting("signin")]
public sealed class SignInModel(SignInService signIns, AnshinDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "ユーザIDを入力してください。"),
        StringLength(64, ErrorMessage = "ユーザIDは{1}文字以内で入力してください。")]
    public string UserId { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "パスワードを入力してください。"), DataType(DataType.Password),
        StringLength(200, ErrorMessage = "パスワードは{1}文字以内で入力してください。")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIns.SignInAsync(UserId.Trim(), Password);
        if (!result.SignedIn)
        {
            // Y7.3: the same words for an unknown ID, a wrong password, a disabled and a locked account.
            ModelState.AddModelError("", result.Message);
            return Page();
        }
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.UserId == UserId.Trim());
        var mustChange = result.Outcome == SignInOutcome.MustChangePassword;
        var expired = result.Outcome == SignInOutcome.PasswordExpired;
        await HttpContext.SignInAsync(StaffIdentity.Scheme, StaffIdentity.Principal(account, mustChange, expired));
        if (mustChange || expired) return RedirectToPage("/Account/Password", new { expired });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
