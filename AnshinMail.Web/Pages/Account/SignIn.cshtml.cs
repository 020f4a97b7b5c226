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
public sealed class SignInModel(SignInService signIns, AnshinDbContext db, TimeProvider clock, AnshinMail.Rules.Policy.PolicyEngine engine) : PageModel
{
    [BindProperty, Required(ErrorMessage = "ユーザIDを入力してください。"), StringLength(64)]
    public string UserId { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "パスワードを入力してください。"), DataType(DataType.Password), StringLength(200)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? LockedMessage { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIns.SignInAsync(UserId.Trim(), Password);
        switch (result.Outcome)
        {
            case SignInOutcome.LockedOut:
                var until = engine.Calendar.ToLocal(result.LockedUntil ?? clock.GetUtcNow());
                LockedMessage = $"ログインの失敗が続いたため、アカウントを {until:HH:mm} までロックしています。急ぐ場合はシステムセキュリティ責任者に解除を依頼してください。";
                return Page();
            case SignInOutcome.Failed:
                // The same words for an unknown user and a wrong password (no user enumeration).
                ModelState.AddModelError("", "ユーザIDまたはパスワードが正しくありません。");
                return Page();
        }
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.UserId == UserId.Trim());
        var mustChange = result.Outcome is SignInOutcome.MustChangePassword or SignInOutcome.PasswordExpired;
        await HttpContext.SignInAsync(StaffIdentity.Scheme, StaffIdentity.Principal(account, mustChange));
        if (mustChange) return RedirectToPage("/Account/Password", new { expired = result.Outcome == SignInOutcome.PasswordExpired });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
