using System.Globalization;
using System.Text.Encodings.Web;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.AspNetCore.Html;
using AnshinMail.Rules.Reports;
using AnshinMail.Web.Infrastructure;

namespace AnshinMail.Web.Pages.Dashboard;

/// <summary>Alerts per month by category and subscribers over time, drawn as SVG on the server (no script, no
/// CDN).</summary>
public sealed class IndexModel(Statistics statistics, PolicyBook book, TimeProvider clock) : StaffPageModel
{
    public static readonly string[] Palette = ["#0b3d91", "#c2185b", "#2e7d32", "#ef6c00", "#6a1b9a", "#546e7a"];

    public PolicyBook Book => book;
    public int Year { get; private set; }
    public IReadOnlyList<MonthFigures> Months { get; private set; } = [];

    public async Task OnGetAsync(int? year)
    {
        var thisYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), book.Zone).Year;
        Year = year ?? thisYear;
        if (!Statistics.Covers(Year))
        {
            ModelState.AddModelError("", $"表示できない年が指定されました。{thisYear}年を表示しています。");
            Year = thisYear;
        }
        Months = await statistics.YearAsync(Year);
    }

    /// <summary>An SVG text element (Razor reserves &lt;text&gt;); the content is HTML-encoded.</summary>
    public IHtmlContent SvgText(double x, double y, string content, string anchor = "middle") => new HtmlString(
        $"<text x=\"{x.ToString("0.#", CultureInfo.InvariantCulture)}\" "
        + $"y=\"{y.ToString("0.#", CultureInfo.InvariantCulture)}\" text-anchor=\"{anchor}\" font-size=\"11\">"
        + $"{HtmlEncoder.Default.Encode(content)}</text>");

    public int MaxAlerts => Math.Max(1, Months.Max(m => m.Alerts));
    public int MaxSubscribers => Math.Max(1, Months.Max(m => m.Subscribers));
}
