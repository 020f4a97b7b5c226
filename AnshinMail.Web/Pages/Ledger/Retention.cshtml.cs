using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Ledger;

/// <summary>Y10: list what may be disposed of, then dispose of a year on the security manager's confirmed
/// command.</summary>
public sealed class RetentionModel(LedgerService ledger, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public IReadOnlyList<int> Disposable { get; private set; } = [];
    [BindProperty] public int Year { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Me.IsSecurityManager(book)) return Forbid();
        Disposable = await ledger.DisposableYearsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync() => await Attempt(async () =>
    {
        if (!Confirmed) throw PolicyRefusedException.Because("Y10", "ledger.not-confirmed",
            "廃棄する年を確認し、確認欄にチェックしてください。");
        var removed = await ledger.DisposeYearAsync(Me, Year);
        TempData["Notice"] = $"{Year}年の配信簿 {removed}件を廃棄しました。";
        return RedirectToPage();
    }, async () => Disposable = await ledger.DisposableYearsAsync());
}
