using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace AnshinMail.Web.Pages.Public;

/// <summary>A printable registration poster per station, with a QR code of its registration page (areas
/// preselected).</summary>
public sealed class PosterModel(PolicyBook book, PublicSite site) : PageModel
{
    public PolicyBook Book => book;
    public UnitDefinition? Station { get; private set; }
    public string Link { get; private set; } = "";
    public IHtmlContent Qr { get; private set; } = HtmlString.Empty;

    public IActionResult OnGet(string? station)
    {
        if (station is null) return Page();
        Station = book.Stations.FirstOrDefault(s => s.Id == station);
        if (Station is null) return NotFound();
        Link = site.Link($"/subscribe?station={Uri.EscapeDataString(Station.Id)}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Link, QRCodeGenerator.ECCLevel.M);
        // The SVG is generated from our own URL, never from user text.
        Qr = new HtmlString(new SvgQRCode(data).GetGraphic(6));
        return Page();
    }
}
