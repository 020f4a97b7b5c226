using System.ComponentModel.DataAnnotations;
using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Admin;

/// <summary>
/// Y6.2, Y5: the security manager issues, disables and unlocks accounts and changes roles. The library refuses
/// anyone else.
/// </summary>
public sealed class AccountsModel(AccountService accounts, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public List<PersonAccount> Accounts { get; private set; } = [];
    /// <summary>Shown once, right after issuing.</summary>
    public IssuedAccount? Issued { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "ユーザIDを入力してください。")]
    [StringLength(64, ErrorMessage = "{1}文字以内で入力してください。")]
    public string UserId { get; set; } = "";
    [BindProperty]
    [Required(ErrorMessage = "氏名を入力してください。")]
    [StringLength(100, ErrorMessage = "{1}文字以内で入力してください。")]
    public string DisplayName { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "所属を選んでください。")] public string UnitId { get; set; } = "";
    [BindProperty] public List<Role> Roles { get; set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        Me.IsSecurityManager(book) ? await Attempt(async () => { await Load(); return Page(); }) : Forbid();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        if (!ModelState.IsValid) { await SafeLoad(); return Page(); }
        return await Attempt(async () =>
        {
            Issued = await accounts.IssueAsync(
                Me, UserId.Trim(), DisplayName.Trim(), UnitId, Roles.Count == 0 ? [Role.Staff] : Roles);
            await Load();
            return Page();
        }, SafeLoad);
    }

    public async Task<IActionResult> OnPostDisableAsync(string target) => await Attempt(async () =>
    {
        ModelState.Clear(); // only the target counts, as in OnPostRolesAsync
        await accounts.DisableAsync(Me, target);
        TempData["Notice"] = $"{target} を無効にしました。";
        return RedirectToPage();
    }, SafeLoad);

    /// <summary>Y5: the person's live sessions end; the next sign-in carries the new roles.</summary>
    public async Task<IActionResult> OnPostRolesAsync(string target, List<Role> newRoles)
    {
        // Only this form's fields count: the issue form's required fields are not part of it.
        ModelState.Clear();
        return await Attempt(async () =>
        {
            await accounts.ChangeRolesAsync(Me, target, newRoles);
            TempData["Notice"] = $"{target} の役割を変更しました。";
            return RedirectToPage();
        }, SafeLoad);
    }

    /// <summary>The notification form's values, kept when refused.</summary>
    public string? NotificationTarget { get; private set; }
    public string? NotificationAddress { get; private set; }

    /// <summary>Where a person's notices go: set or cleared for them by the security manager.</summary>
    public async Task<IActionResult> OnPostNotificationAsync(string target, string? address)
    {
        ModelState.Clear(); // only the target and the address count, as in OnPostRolesAsync
        (NotificationTarget, NotificationAddress) = (target, address); // shown again if refused
        return await Attempt(async () =>
        {
            await accounts.SetNotificationAddressAsync(Me, target ?? "", address);
            TempData["Notice"] = "通知先を変更しました。";
            return RedirectToPage();
        }, SafeLoad);
    }

    public async Task<IActionResult> OnPostUnlockAsync(string target) => await Attempt(async () =>
    {
        ModelState.Clear(); // only the target counts, as in OnPostRolesAsync
        await accounts.UnlockAsync(Me, target);
        TempData["Notice"] = $"{target} のロックを解除しました。";
        return RedirectToPage();
    }, SafeLoad);

    private async Task Load() => Accounts = await accounts.ListAsync(Me);

    private async Task SafeLoad()
    {
        try { await Load(); } catch (PolicyRefusedException) { Accounts = []; }
    }

    public static string RoleName(Role r) => RoleNames.Of(r);
}
