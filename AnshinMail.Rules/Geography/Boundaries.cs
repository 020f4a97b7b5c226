using System.Text.Json;

namespace AnshinMail.Rules.Geography;

/// <summary>The municipalities of a boundary file (GeoJSON FeatureCollection of Polygons and MultiPolygons).</summary>
public sealed class Boundaries
{
    private readonly Dictionary<string, Municipality> _byCode;

    /// <summary>The municipalities, indexed by code.</summary>
    public Boundaries(IReadOnlyList<Municipality> municipalities)
    {
        Municipalities = municipalities;
        _byCode = municipalities.GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>No municipalities: a book without geography draws no map.</summary>
    public static Boundaries None { get; } = new([]);

    /// <summary>The municipalities in file order.</summary>
    public IReadOnlyList<Municipality> Municipalities { get; }

    /// <summary>The municipality with this JIS X 0402 code, or null.</summary>
    public Municipality? Find(string? code) => code is not null ? _byCode.GetValueOrDefault(code) : null;

    /// <summary>Reads <paramref name="path"/>; a file that is not such a collection throws
    /// <see cref="FormatException"/> with the reason in Japanese.</summary>
    public static Boundaries Load(string path, string codeProperty, string nameProperty)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        if (!json.RootElement.TryGetProperty("features", out var features)
            || features.ValueKind != JsonValueKind.Array)
            throw new FormatException("GeoJSON の FeatureCollection（features の配列）ではありません。");
        var list = new List<Municipality>();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
            list.Add(Feature(feature, codeProperty, nameProperty, index++));
        return new Boundaries(list);
    }

    private static Municipality Feature(JsonElement feature, string codeProperty, string nameProperty, int index)
    {
        var at = $"features[{index}]";
        if (!feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object
            || !props.TryGetProperty(codeProperty, out var code) || code.ValueKind != JsonValueKind.String)
            throw new FormatException($"{at} に市区町村コード（{codeProperty}）がありません。");
        var name = props.TryGetProperty(nameProperty, out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()! : code.GetString()!;
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("coordinates", out var coordinates))
            throw new FormatException($"{at}（{name}）に geometry がありません。");
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        IReadOnlyList<GeoPolygon> polygons = type switch
        {
            "Polygon" => [Polygon(coordinates, at)],
            "MultiPolygon" => coordinates.EnumerateArray().Select(p => Polygon(p, at)).ToList(),
            _ => throw new FormatException($"{at}（{name}）の geometry は Polygon か MultiPolygon にしてください。"),
        };
        return new Municipality(code.GetString()!, name, polygons);
    }

    private static GeoPolygon Polygon(JsonElement rings, string at)
    {
        var all = rings.EnumerateArray().Select(r => Ring(r, at)).ToList();
        if (all.Count == 0) throw new FormatException($"{at} に空の Polygon があります。");
        return new GeoPolygon(all[0], all.Skip(1).ToList());
    }

    private static IReadOnlyList<GeoPoint> Ring(JsonElement ring, string at)
    {
        var points = ring.EnumerateArray().Select(p => new GeoPoint(p[0].GetDouble(), p[1].GetDouble())).ToList();
        if (points.Count > 0 && points[0] != points[^1]) points.Add(points[0]);
        if (points.Count < 4) throw new FormatException($"{at} に3点未満の輪があります。");
        if (points.Any(p => p.Lon is < -180 or > 180 || p.Lat is < -90 or > 90))
            throw new FormatException($"{at} に経緯度の範囲外の座標があります。");
        return points;
    }
}
