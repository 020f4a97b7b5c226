using System.Globalization;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.AspNetCore.Html;

namespace AnshinMail.Web.Pages.Public;

/// <summary>What a resident chose (or is choosing), for the form and for its summary.</summary>
public sealed record ChoiceView(PolicyBook Book, IReadOnlyCollection<string> Categories,
    IReadOnlyCollection<string> Areas, string? QuietFrom = null, string? QuietTo = null, bool Easy = false)
{
    /// <summary>"HH:mm" from an input type=time; null when empty or unreadable.</summary>
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text ?? "", ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var t) ? t : null;

    /// <summary>The areas chosen one by one plus every area of the stations chosen as a whole (「管内すべて」).</summary>
    public static List<string> Expand(PolicyBook book, IEnumerable<string> areas, IEnumerable<string> stations) =>
        areas.Concat(stations.SelectMany(id => book.FindUnit(id)?.Jurisdiction ?? [])).Distinct().ToList();

    public static string? Text(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture);

    public IHtmlContent Say(string plain, string easy) =>
        Easy ? ResidentPageModel.Ruby(easy) : new HtmlString(ResidentPageModel.Encoder.Encode(plain));

    public int ChosenIn(UnitDefinition station) => station.Jurisdiction.Count(Areas.Contains);

    public bool AllOf(UnitDefinition station) =>
        station.Jurisdiction.Count > 0 && station.Jurisdiction.All(Areas.Contains);

    /// <summary>The chosen areas, a station's whole jurisdiction named once as 「…管内すべて」.</summary>
    public IReadOnlyList<string> AreaSummary() => Book.Stations
        .Where(s => ChosenIn(s) > 0)
        .SelectMany(s => AllOf(s) ? [s.Name + AllSuffix] : s.Jurisdiction.Where(Areas.Contains))
        .ToList();

    /// <summary>After a station's name in the summary: its whole jurisdiction.</summary>
    public string AllSuffix => Easy ? "（すべて）" : "管内すべて";

    public IReadOnlyList<string> CategorySummary() =>
        Book.Categories.Where(c => Categories.Contains(c.Id)).Select(c => c.Name).ToList();

    /// <summary>The quiet hours as read, or null when none.</summary>
    public string? QuietSummary() =>
        Time(QuietFrom) is { } f && Time(QuietTo) is { } t ? $"{Text(f)}〜{Text(t)}" : null;
}
