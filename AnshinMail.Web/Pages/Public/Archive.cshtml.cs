using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>The public archive of sent alerts, newest first, filtered by category, area and month.</summary>
public sealed class ArchiveModel(PublicArchive archive, PolicyBook book) : PageModel
{
    public PolicyBook Book => book;
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    /// <summary>yyyy-MM (input type=month).</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public ArchivePage Result { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync()
    {
        int? year = null, month = null;
        if (Month is { Length: 7 } m && int.TryParse(m[..4], out var y)
            && int.TryParse(m[5..], out var mo)) { year = y; month = mo; }
        var category = book.Categories.Any(c => c.Id == Category) ? Category : null;
        var area = Area is not null && book.AllAreas.Contains(Area) ? Area : null;
        Result = await archive.PageAsync(category, area, year, month, P);
    }

    public string PageLink(int page) =>
        $"/alerts?category={Uri.EscapeDataString(Category ?? "")}&area={Uri.EscapeDataString(Area ?? "")}"
        + $"&month={Uri.EscapeDataString(Month ?? "")}&p={page}";
}
