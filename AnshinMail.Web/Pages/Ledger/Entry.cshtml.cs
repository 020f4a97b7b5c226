using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Ledger;

public sealed class EntryModel(LedgerService ledger, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public LedgerEntry Entry { get; private set; } = null!;
    /// <summary>Y10: the columns as the CSV writes them (names, Japanese regimes, every approval).</summary>
    public LedgerCsv Columns { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var entry = await ledger.EntryAsync(Me, id);
        if (entry is null) return NotFound();
        Entry = entry;
        Columns = await ledger.ColumnsAsync(HttpContext.RequestAborted);
        return Page();
    }
}
