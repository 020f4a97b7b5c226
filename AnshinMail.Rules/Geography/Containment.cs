namespace AnshinMail.Rules.Geography;

/// <summary>Point in polygon by ray casting, in plain degrees: at a prefecture's scale the error is far below the
/// boundaries' own precision.</summary>
internal static class Containment
{
    public static bool InRing(IReadOnlyList<GeoPoint> ring, GeoPoint p)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if (a.Lat > p.Lat == b.Lat > p.Lat) continue;
            var crossLon = (b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lon;
            if (p.Lon < crossLon) inside = !inside;
        }
        return inside;
    }
}
