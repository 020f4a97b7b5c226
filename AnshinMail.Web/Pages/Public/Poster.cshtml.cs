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
    /// <summary>T5 空メール登録: the station's own registration address, which preselects its areas.</summary>
    public string MailAddress { get; private set; } = "";
    public IHtmlContent MailQr { get; private set; } = HtmlString.Empty;

    public IActionResult OnGet(string? station)
    {
        if (station is null) return Page();
        Station = book.Stations.FirstOrDefault(s => s.Id == station);
        if (Station is null) return NotFound();
        Link = site.Link($"/subscribe?station={Uri.EscapeDataString(Station.Id)}");
        MailAddress = book.Registration.StationAddress(Station);
        // The SVGs are generated from our own URL and the book's address, never from user text.
        Qr = Svg(Link);
        MailQr = Svg($"mailto:{MailAddress}");
        return Page();
    }

    private static HtmlString Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new HtmlString(new SvgQRCode(data).GetGraphic(6));
    }
}
