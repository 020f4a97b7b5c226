using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AnshinMail.Rules.Geography;

namespace AnshinMail.Web.Infrastructure;

/// <summary>One municipality on a drawn map: its path, style class, link (or none) and accessible name;
/// <see cref="Relations"/> (area → own/neighbour/outside) is what the draft form's script recolours by.</summary>
public sealed record MapPath(string Path, string Class, string Name, string? Href = null, string? Relations = null,
    string? BaseClass = null);

/// <summary>A legend entry: the style class of its swatch and what it means, in Japanese.</summary>
public sealed record MapLegend(string Class, string Label);

/// <summary>
/// T5 (issue 16): a map drawn on the server as inline SVG from <see cref="MunicipalMap"/>'s cached paths, with its
/// label, legend and the credit line of the boundary data. <see cref="Interactive"/> maps hold links (not an
/// image); the others are one image with <see cref="Label"/> as its name.
/// </summary>
public sealed record MapView(
    string Id, double Width, double Height, string Label, string Credit, IReadOnlyList<MapPath> Paths,
    IReadOnlyList<MapLegend> Legend)
{
    public bool Interactive => Paths.Any(p => p.Href is not null);
    public string ViewBox => FormattableString.Invariant($"0 0 {Width} {Height}");
}

/// <summary>The maps of the public archive, of an alert's page and of the staff draft form.</summary>
public static class MapViews
{
    /// <summary>Area names stay Japanese in the attribute (Razor still escapes it), not \uXXXX.</summary>
    private static readonly JsonSerializerOptions Readable =
        new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The archive's shading: a count falls in the first band whose floor it reaches.</summary>
    private static readonly (int Floor, string Label)[] Bands = [(7, "7件以上"), (4, "4〜6件"), (2, "2〜3件"), (1, "1件"),
        (0, "0件")];

    public static string Band(int count) => $"shade-{Bands.Length - 1 - Array.FindIndex(Bands, b => count >= b.Floor)}";

    public static MapView Archive(MunicipalMap map, IReadOnlyDictionary<string, int> counts, string label,
        Func<MapShape, string> link) =>
        new("archive-map", MunicipalMap.Width, map.Height, label, map.Credit,
            map.Shapes.Select(s => counts.GetValueOrDefault(s.Code) is var n and > 0
                ? new MapPath(s.Path, Band(n), $"{s.Name}：{n}件", link(s))
                : new MapPath(s.Path, Band(0), $"{s.Name}：0件")).ToList(),
            Bands.Reverse().Select(b => new MapLegend(Band(b.Floor), b.Label)).ToList());

    public static MapView Alert(MunicipalMap map, IReadOnlyList<string> areas)
    {
        var hit = areas.Select(map.ShapeOf).OfType<MapShape>().Select(s => s.Code).ToHashSet();
        var names = map.Shapes.Where(s => hit.Contains(s.Code)).Select(s => s.Name);
        return new("alert-map", MunicipalMap.Width, map.Height, $"対象地域の地図：{string.Join("、", names)}",
            map.Credit, map.Shapes.Select(s => new MapPath(s.Path, hit.Contains(s.Code) ? "hit" : "plain", s.Name))
                .ToList(),
            [new("hit", "対象地域"), new("plain", "その他の市町村")]);
    }

    /// <summary>
    /// T3(2), Y11.4: the draft's target areas by how they stand to the writer's unit; a municipality holding
    /// areas of different standing (長野市) shows the farthest ticked one, the one that needs a request.
    /// </summary>
    public static MapView Draft(MunicipalMap map, AnshinMail.Rules.PolicyBooks.PolicyBook book, string unitId,
        IReadOnlyCollection<string> ticked)
    {
        var paths = map.Shapes.Select(s =>
        {
            var relations = s.Areas.ToDictionary(a => a, a => Relation(AreaRelations.Of(book, unitId, a)));
            var baseClass = relations.ContainsValue("own") && book.FindUnit(unitId) is { IsHq: false }
                ? "base-own" : "plain";
            var chosen = relations.Where(r => ticked.Contains(r.Key)).Select(r => r.Value)
                .OrderByDescending(Rank).FirstOrDefault();
            return new MapPath(s.Path, chosen is null ? baseClass : $"sel-{chosen}", s.Name,
                Relations: JsonSerializer.Serialize(relations, Readable), BaseClass: baseClass);
        }).ToList();
        return new("area-map", MunicipalMap.Width, map.Height, "配信先の地域の地図", map.Credit, paths,
            DraftLegend(book, unitId));
    }

    private static IReadOnlyList<MapLegend> DraftLegend(AnshinMail.Rules.PolicyBooks.PolicyBook book, string unitId) =>
        book.FindUnit(unitId) is { IsHq: false }
            ?
            [
                new("sel-own", "選択した自署管内"),
                new("sel-neighbour", "選択した隣接署の管内"),
                new("sel-outside", "選択したその他の管内（本部への配信要請）"),
                new("base-own", "自署管内（未選択）"),
            ]
            : [new("sel-own", "選択した地域")];

    private static string Relation(AreaRelation r) => r switch
    {
        AreaRelation.Own => "own",
        AreaRelation.Neighbour => "neighbour",
        _ => "outside",
    };

    private static int Rank(string relation) => relation switch { "own" => 0, "neighbour" => 1, _ => 2 };
}
