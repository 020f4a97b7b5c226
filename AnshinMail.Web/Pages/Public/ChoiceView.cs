using System.Globalization;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Web.Pages.Public;

public sealed record ChoiceView(PolicyBook Book, IReadOnlyCollection<string> Categories,
    IReadOnlyCollection<string> Areas, string? QuietFrom = null, string? QuietTo = null)
{
    /// <summary>"HH:mm" from an input type=time; null when empty or unreadable.</summary>
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text ?? "", ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var t) ? t : null;

    /// <summary>The areas chosen one by one plus every area of the stations chosen as a whole (「管内すべて」).</summary>
    public static List<string> Expand(PolicyBook book, IEnumerable<string> areas, IEnumerable<string> stations) =>
        areas.Concat(stations.SelectMany(id => book.FindUnit(id)?.Jurisdiction ?? [])).Distinct().ToList();

    public static string? Text(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture);
}
