using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Geography;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>The public archive of sent alerts, newest first, filtered by category, area, municipality and month;
/// T5 (issue 16): above it, the map of the last 30 days per municipality, with its table.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ArchiveModel(PublicArchive archive, PolicyBook book, MunicipalMap map, TimeProvider clock)
    : PageModel
{
    /// <summary>The map's window, in days (issue 16: "alerts of the last 30 days").</summary>
    public const int MapDays = 30;

    public PolicyBook Book => book;
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    /// <summary>A municipality's JIS X 0402 code (the map's links).</summary>
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    /// <summary>Only the last so many days (the map's links carry its window).</summary>
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }
    /// <summary>yyyy-MM (input type=month).</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public ArchivePage Result { get; private set; } = new([], 1, 20, 0);
    public MapView? Map { get; private set; }
    /// <summary>The municipalities with alerts in the map's window, most first: the map's table.</summary>
    public IReadOnlyList<(MapShape Shape, int Count, string Link)> Counted { get; private set; } = [];
    public MapShape? ChosenMunicipality { get; private set; }

    public async Task OnGetAsync()
    {
        int? year = null, month = null;
        if (Month is { Length: 7 } m && int.TryParse(m[..4], out var y)
            && int.TryParse(m[5..], out var mo)) { year = y; month = mo; }
        var category = book.Categories.Any(c => c.Id == Category) ? Category : null;
        var area = Area is not null && book.AllAreas.Contains(Area) ? Area : null;
        ChosenMunicipality = map.Shapes.FirstOrDefault(s => s.Code == Municipality);
        Days = Days is >= 1 and <= 366 ? Days : null;
        var now = clock.GetUtcNow();
        var filter = new ArchiveFilter(category, area, year, month, ChosenMunicipality?.Code,
            Days is { } d ? now.AddDays(-d) : null);
        Result = await archive.PageAsync(filter, P);
        if (map.Drawable) await DrawMapAsync(category, now);
    }

    private async Task DrawMapAsync(string? category, DateTimeOffset now)
    {
        var counts = await archive.CountsByMunicipalityAsync(
            new ArchiveFilter(category, Since: now.AddDays(-MapDays)));
        Counted = map.Shapes.Where(s => counts.ContainsKey(s.Code))
            .Select(s => (s, counts[s.Code], MunicipalityLink(s.Code, category)))
            .OrderByDescending(c => c.Item2).ThenBy(c => c.s.Code).ToList();
        var label = $"過去{MapDays}日の配信件数（市町村別"
            + (category is null ? "）" : $"・{book.Category(category).Name}）");
        Map = MapViews.Archive(map, counts, label, s => MunicipalityLink(s.Code, category));
    }

    /// <summary>The archive filtered to one municipality over the map's window (and its category).</summary>
    public static string MunicipalityLink(string code, string? category) =>
        $"/alerts?municipality={Uri.EscapeDataString(code)}&days={MapDays}"
        + (category is null ? "" : $"&category={Uri.EscapeDataString(category)}");

    public string PageLink(int page) =>
        $"/alerts?category={Uri.EscapeDataString(Category ?? "")}&area={Uri.EscapeDataString(Area ?? "")}"
        + $"&month={Uri.EscapeDataString(Month ?? "")}&municipality={Uri.EscapeDataString(Municipality ?? "")}"
        + $"&days={Days}&p={page}";
}
