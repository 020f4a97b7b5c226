namespace AnshinMail.Rules.Geography;

/// <summary>
/// Equirectangular projection fitted to a bounding box: longitude shrunk by the cosine of the middle latitude, so
/// that a prefecture keeps its shape; north up, SVG's y downwards, the box scaled to <see cref="Width"/>.
/// </summary>
internal sealed class Projection
{
    private readonly double _west, _north, _scale, _shrink;

    public Projection(IEnumerable<GeoPoint> points, double width)
    {
        var all = points.ToList();
        if (all.Count == 0) throw new ArgumentException("No points to fit.", nameof(points));
        _west = all.Min(p => p.Lon);
        _north = all.Max(p => p.Lat);
        var south = all.Min(p => p.Lat);
        _shrink = Math.Cos((_north + south) / 2 * Math.PI / 180);
        var span = Math.Max((all.Max(p => p.Lon) - _west) * _shrink, 1e-9);
        _scale = width / span;
        Width = width;
        Height = Math.Ceiling((_north - south) * _scale);
    }

    public double Width { get; }
    public double Height { get; }

    public PlanePoint Project(GeoPoint p) => new((p.Lon - _west) * _shrink * _scale, (_north - p.Lat) * _scale);

    /// <summary>The inverse, for tests and hit checks.</summary>
    public GeoPoint Unproject(PlanePoint p) => new(p.X / _scale / _shrink + _west, _north - p.Y / _scale);
}
