using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Geography;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>One sent alert as mailed, with its corrections, supplements and resolution, and its areas on the
/// map.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class AlertModel(PublicArchive archive, PolicyBook book, MunicipalMap map) : PageModel
{
    public PolicyBook Book => book;
    public PublicAlert Alert { get; private set; } = null!;
    public PublicAlert? Original { get; private set; }
    public IReadOnlyList<PublicAlert> FollowUps { get; private set; } = [];
    /// <summary>T5 (issue 16): the alert's areas highlighted on the prefecture's map.</summary>
    public MapView? Map { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await archive.FindAsync(id) is not { } alert) return NotFound();
        Alert = alert;
        Original = alert.FollowUpOf is { } o ? await archive.FindAsync(o) : null;
        FollowUps = await archive.FollowUpsAsync(id);
        Map = map.Drawable ? MapViews.Alert(map, alert.Areas) : null;
        return Page();
    }
}
