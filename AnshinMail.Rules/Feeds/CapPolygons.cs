using System.Globalization;
using AnshinMail.Rules.Geography;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Feeds;

/// <summary>
/// T5, CAP 1.2 §3.2.4 &lt;polygon&gt;: the municipalities of an alert's areas as WGS 84 "lat,lon" pairs separated
/// by spaces, each ring closed (first pair = last) with at least 4 pairs; a municipality of several polygons gives
/// several &lt;polygon&gt;. CAP has no holes: only outer rings are written (an enclave would be covered).
/// </summary>
internal static class CapPolygons
{
    public static IEnumerable<string> Of(PolicyBook book, IEnumerable<string> areas) =>
        areas.Select(a => book.AreaCodes.GetValueOrDefault(a)).OfType<string>().Distinct()
            .Select(book.Boundaries.Find).OfType<Municipality>()
            .SelectMany(m => m.Polygons).Select(p => Ring(p.Outer)).OfType<string>();

    private static string? Ring(IReadOnlyList<GeoPoint> ring)
    {
        var pairs = new List<string>(ring.Count);
        foreach (var p in ring)
        {
            var pair = $"{Degrees(p.Lat)},{Degrees(p.Lon)}";
            if (pairs.Count == 0 || pairs[^1] != pair) pairs.Add(pair);
        }
        if (pairs[0] != pairs[^1]) pairs.Add(pairs[0]);
        return pairs.Count >= 4 ? string.Join(' ', pairs) : null;
    }

    /// <summary>Five decimals (about a metre), far finer than the boundaries themselves.</summary>
    private static string Degrees(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
