using System.Globalization;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.AspNetCore.Html;

namespace AnshinMail.Web.Pages.Public;

/// <summary>What a resident chose (or is choosing), for the form and for its summary.</summary>
public sealed record ChoiceView(PolicyBook Book, IReadOnlyCollection<string> Categories,
    IReadOnlyCollection<string> Areas, string? QuietFrom = null, string? QuietTo = null, bool Easy = false)
{
    /// <summary>A time typed but not readable as one (「22時」); empty is no time, not unreadable.</summary>
    public static bool Unreadable(string? text) => !string.IsNullOrWhiteSpace(text) && Time(text) is null;

    /// <summary>"HH:mm" from an input type=time; null when empty or unreadable.</summary>
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text ?? "", ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var t) ? t : null;

    /// <summary>The areas chosen one by one plus every area of the stations chosen as a whole (「管内すべて」).</summary>
    public static List<string> Expand(PolicyBook book, IEnumerable<string> areas, IEnumerable<string> stations) =>
        areas.Concat(stations.SelectMany(id => book.FindUnit(id)?.Jurisdiction ?? [])).Distinct().ToList();

    public static string? Text(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture);

    public IHtmlContent Say(string plain, string easy) =>
        Easy ? Furigana.Marked(easy) : new HtmlString(Furigana.Encoder.Encode(plain));

    /// <summary>A category's name: on the easy page with furigana from the book's reading, else as written.
    /// </summary>
    public IHtmlContent Name(CategoryDefinition category) => Named(category.Name, category.Reading);

    /// <summary>A station's name: on the easy page with furigana from the book's reading, else as written.</summary>
    public IHtmlContent Name(UnitDefinition station) => Named(station.Name, station.Reading);

    /// <summary>An area's name: on the easy page with furigana from the book's reading, else as written.</summary>
    public IHtmlContent AreaName(string area) => Named(area, Book.AreaReadings.GetValueOrDefault(area));

    /// <summary>What the category covers, in the chosen language; null on the easy page when the book has no easy
    /// definition.</summary>
    public IHtmlContent? Definition(CategoryDefinition category) =>
        !Easy ? new HtmlString(Furigana.Encoder.Encode(category.Definition))
        : category.EasyDefinition is { } easy ? Furigana.Marked(easy) : null;

    /// <summary>Names joined with 「、」 and a line-break opportunity: Chromium finds none between two ruby names, and
    /// a summary of them ran 756 px wide on a 390 px phone.</summary>
    public static IHtmlContent Joined(IEnumerable<IHtmlContent> names)
    {
        var text = new HtmlContentBuilder();
        foreach (var name in names)
        {
            if (text.Count > 0) text.Append("、").AppendHtml("<wbr>");
            text.AppendHtml(name);
        }
        return text;
    }

    private IHtmlContent Named(string name, string? reading) =>
        Easy ? Furigana.Name(name, reading) : new HtmlString(Furigana.Encoder.Encode(name));

    public int ChosenIn(UnitDefinition station) => station.Jurisdiction.Count(Areas.Contains);

    public bool AllOf(UnitDefinition station) =>
        station.Jurisdiction.Count > 0 && station.Jurisdiction.All(Areas.Contains);

    /// <summary>The chosen areas, a station's whole jurisdiction named once as 「…管内すべて」.</summary>
    public IReadOnlyList<IHtmlContent> AreaSummary() => Book.Stations
        .Where(s => ChosenIn(s) > 0)
        .SelectMany(s => AllOf(s) ? [new HtmlContentBuilder().AppendHtml(Name(s)).Append(AllSuffix)]
            : s.Jurisdiction.Where(Areas.Contains).Select(AreaName))
        .ToList();

    /// <summary>After a station's name in the summary: its whole jurisdiction.</summary>
    public string AllSuffix => Easy ? "（すべて）" : "管内すべて";

    public IReadOnlyList<IHtmlContent> CategorySummary() =>
        Book.Categories.Where(c => Categories.Contains(c.Id)).Select(Name).ToList();

    /// <summary>The quiet hours as read, or null when none.</summary>
    public string? QuietSummary() =>
        Time(QuietFrom) is { } f && Time(QuietTo) is { } t ? $"{Text(f)}〜{Text(t)}" : null;
}
