using System.Globalization;
using System.Text;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Geography;

/// <summary>One municipality drawn: its code and name, the SVG path data, and the book's areas inside it.</summary>
public sealed record MapShape(string Code, string Name, string Path, IReadOnlyList<string> Areas);

/// <summary>
/// T5: the prefecture's municipalities projected once into SVG path data (whole units of a
/// <see cref="Width"/>-wide box, simplified by Douglas–Peucker within <see cref="Tolerance"/>), for maps drawn on
/// the server: no tiles, no script, nothing fetched from outside (the site may run in a closed network).
/// Built once per book and shared; pages only pick classes and links per shape.
/// </summary>
public sealed class MunicipalMap
{
    /// <summary>The width of the SVG box every map is drawn in.</summary>
    public const double Width = 400;
    /// <summary>How far (in box units) simplification may move a boundary.</summary>
    public const double Tolerance = 0.6;

    /// <summary>Projects the book's municipalities once; a book without boundaries gives an empty map.</summary>
    public MunicipalMap(PolicyBook book)
    {
        Credit = book.Geography?.Credit ?? "";
        var municipalities = book.Boundaries.Municipalities;
        if (municipalities.Count == 0) return;
        var projection = new Projection(municipalities.SelectMany(m => m.Polygons).SelectMany(p => p.Outer), Width);
        Height = projection.Height;
        var areasByCode = book.AllAreas.Where(book.AreaCodes.ContainsKey)
            .ToLookup(a => book.AreaCodes[a]);
        Shapes = municipalities.Select(m => new MapShape(m.Code, m.Name, PathOf(m, projection),
            areasByCode[m.Code].ToList())).ToList();
        _byArea = Shapes.SelectMany(s => s.Areas.Select(a => (a, s))).ToDictionary(x => x.a, x => x.s);
    }

    private readonly Dictionary<string, MapShape> _byArea = [];

    /// <summary>The credit line the boundary data's licence asks for under every map.</summary>
    public string Credit { get; }
    /// <summary>The height of the SVG box, from the prefecture's shape.</summary>
    public double Height { get; }
    /// <summary>Every municipality drawn.</summary>
    public IReadOnlyList<MapShape> Shapes { get; } = [];
    /// <summary>Whether there is anything to draw.</summary>
    public bool Drawable => Shapes.Count > 0;

    /// <summary>The municipality an area of the book lies in (長野市北部 and 長野市南部 share 長野市).</summary>
    public MapShape? ShapeOf(string area) => _byArea.GetValueOrDefault(area);

    private static string PathOf(Municipality m, Projection projection)
    {
        var path = new StringBuilder();
        foreach (var ring in m.Polygons.SelectMany(p => p.Holes.Prepend(p.Outer)))
        {
            var plane = Simplification.Simplify(ring.Select(projection.Project).ToList(), Tolerance);
            Ring(path, plane);
        }
        return path.ToString();
    }

    /// <summary>Absolute start, then relative whole-unit steps ("M12 40l3-2 0 5…z"); repeated points and the closing
    /// point (z draws it) dropped; a ring that shrinks below a triangle is left out.</summary>
    private static void Ring(StringBuilder path, IReadOnlyList<PlanePoint> ring)
    {
        var (x, y) = ((int)Math.Round(ring[0].X), (int)Math.Round(ring[0].Y));
        var steps = new StringBuilder();
        var count = 0;
        foreach (var p in ring.Skip(1).SkipLast(1))
        {
            var (nx, ny) = ((int)Math.Round(p.X), (int)Math.Round(p.Y));
            if (nx == x && ny == y) continue;
            Number(steps, nx - x, count > 0);
            Number(steps, ny - y, true);
            (x, y) = (nx, ny);
            count++;
        }
        if (count < 2) return;
        path.Append(CultureInfo.InvariantCulture, $"M{(int)Math.Round(ring[0].X)} {(int)Math.Round(ring[0].Y)}l");
        path.Append(steps).Append('z');
    }

    private static void Number(StringBuilder path, int value, bool separate)
    {
        if (separate && value >= 0) path.Append(' ');
        path.Append(value.ToString(CultureInfo.InvariantCulture));
    }
}
