namespace AnshinMail.Rules.Geography;

/// <summary>A WGS 84 position, in degrees (GeoJSON's order: longitude first).</summary>
public readonly record struct GeoPoint(double Lon, double Lat);

/// <summary>One polygon of a municipality: its outer ring and its holes, each ring closed (first = last).</summary>
public sealed record GeoPolygon(IReadOnlyList<GeoPoint> Outer, IReadOnlyList<IReadOnlyList<GeoPoint>> Holes)
{
    /// <summary>Inside the outer ring and in none of the holes (a point on an edge may fall either way).</summary>
    public bool Contains(GeoPoint p) => Containment.InRing(Outer, p) && !Holes.Any(h => Containment.InRing(h, p));
}

/// <summary>A municipality (市区町村) of the boundary file: its JIS X 0402 code, its name and its polygons.</summary>
public sealed record Municipality(string Code, string Name, IReadOnlyList<GeoPolygon> Polygons)
{
    /// <summary>Whether <paramref name="p"/> lies in any of the municipality's polygons.</summary>
    public bool Contains(GeoPoint p) => Polygons.Any(poly => poly.Contains(p));
}
