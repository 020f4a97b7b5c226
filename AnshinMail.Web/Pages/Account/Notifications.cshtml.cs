using System.ComponentModel.DataAnnotations;
using AnshinMail.Rules.Accounts;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Account;

/// <summary>
/// The holder's own notification address: where mail about what awaits them goes (approval awaited, requests,
/// owed reports and confirmations). Optional; empty means none.
/// </summary>
public sealed class NotificationsModel(AccountService accounts) : StaffPageModel
{
    [BindProperty]
    [StringLength(254, ErrorMessage = "{1}文字以内で入力してください。")]
    public string? Address { get; set; }

    public async Task OnGetAsync() => Address = await accounts.NotificationAddressAsync(Me);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            await accounts.SetNotificationAddressAsync(Me, Me.Id, Address);
            TempData["Notice"] = string.IsNullOrWhiteSpace(Address) ? "通知先を削除しました。" : "通知先を保存しました。";
            return RedirectToPage("/Index");
        });
    }
}
