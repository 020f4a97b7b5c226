using System.ComponentModel.DataAnnotations;
using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Pages.Account;

/// <summary>Y6.3: change the password (forced after the initial one and after expiry).</summary>
public sealed class PasswordModel(SignInService signIns, AnshinDbContext db) : StaffPageModel
{
    [BindProperty, Required(ErrorMessage = "現在のパスワードを入力してください。"), DataType(DataType.Password),
        StringLength(200, ErrorMessage = "パスワードは{1}文字以内で入力してください。")]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "新しいパスワードを入力してください。"), DataType(DataType.Password),
        StringLength(200, ErrorMessage = "パスワードは{1}文字以内で入力してください。")]
    public string New { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "確認のため、新しいパスワードをもう一度入力してください。"),
        DataType(DataType.Password), StringLength(200, ErrorMessage = "パスワードは{1}文字以内で入力してください。")]
    public string Confirm { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public bool Forced => User.MustChangePassword();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (New != Confirm) ModelState.AddModelError(nameof(Confirm), "確認用のパスワードが一致しません。");
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            await signIns.ChangePasswordAsync(Me.Id, Current, New);
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.UserId == Me.Id);
            await HttpContext.SignInAsync(StaffIdentity.Scheme, StaffIdentity.Principal(account, mustChange: false));
            TempData["Notice"] = "パスワードを変更しました。";
            return RedirectToPage("/Index");
        });
    }
}
