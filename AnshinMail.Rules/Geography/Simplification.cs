namespace AnshinMail.Rules.Geography;

/// <summary>A point of a drawing plane (after projection).</summary>
internal readonly record struct PlanePoint(double X, double Y);

/// <summary>
/// Douglas–Peucker: drops the points of a line that lie within <c>tolerance</c> of the chord of their stretch.
/// A closed ring keeps its first and last point, and at least a triangle (4 points, closed).
/// </summary>
internal static class Simplification
{
    public static IReadOnlyList<PlanePoint> Simplify(IReadOnlyList<PlanePoint> line, double tolerance)
    {
        if (line.Count <= 4 || tolerance <= 0) return line;
        var keep = new bool[line.Count];
        keep[0] = keep[^1] = true;
        // A closed ring has a zero-length chord: split it at the point farthest from its start first.
        var far = Farthest(line, 0, line.Count - 1);
        keep[far] = true;
        var stack = new Stack<(int From, int To)>([(0, far), (far, line.Count - 1)]);
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            if (to - from < 2) continue;
            var (index, distance) = FarthestFromChord(line, from, to);
            if (distance <= tolerance) continue;
            keep[index] = true;
            stack.Push((from, index));
            stack.Push((index, to));
        }
        var kept = line.Where((_, i) => keep[i]).ToList();
        return kept.Count >= 4 || line[0] != line[^1] ? kept : Triangle(line, far);
    }

    private static IReadOnlyList<PlanePoint> Triangle(IReadOnlyList<PlanePoint> ring, int far)
    {
        var third = FarthestFromChord(ring, 0, far).Index;
        if (third == 0) third = FarthestFromChord(ring, far, ring.Count - 1).Index;
        var points = new[] { 0, third, far }.Distinct().Order().Select(i => ring[i]).ToList();
        points.Add(ring[0]);
        return points;
    }

    private static int Farthest(IReadOnlyList<PlanePoint> line, int from, int to)
    {
        var best = from;
        var bestDistance = -1.0;
        for (var i = from + 1; i < to; i++)
        {
            var d = Distance(line[i], line[from]);
            if (d > bestDistance) (best, bestDistance) = (i, d);
        }
        return best == from ? to : best;
    }

    private static (int Index, double Distance) FarthestFromChord(IReadOnlyList<PlanePoint> line, int from, int to)
    {
        var (index, distance) = (from, 0.0);
        for (var i = from + 1; i < to; i++)
        {
            var d = DistanceToSegment(line[i], line[from], line[to]);
            if (d > distance) (index, distance) = (i, d);
        }
        return (index, distance);
    }

    public static double DistanceToSegment(PlanePoint p, PlanePoint a, PlanePoint b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length2 = dx * dx + dy * dy;
        if (length2 == 0) return Distance(p, a);
        var t = Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / length2, 0, 1);
        return Distance(p, new PlanePoint(a.X + t * dx, a.Y + t * dy));
    }

    private static double Distance(PlanePoint p, PlanePoint q) => Math.Sqrt(Sq(p.X - q.X) + Sq(p.Y - q.Y));

    private static double Sq(double v) => v * v;
}
