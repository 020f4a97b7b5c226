using System.Text.RegularExpressions;
using AnshinMail.Rules.Geography;

namespace AnshinMail.Rules.Tests.Geography;

/// <summary>
/// T5 (issue 16, "a map"): the projection keeps north up and the prefecture's shape, Douglas–Peucker drops only
/// points within its tolerance, and the map's paths are small enough to be sent with every page.
/// </summary>
public partial class MapTests
{
    private static readonly MunicipalMap Map = new(TestBook.Book);

    [Fact]
    public void T5_Projection_NorthUp_RoundTrips_AndFitsTheWidth()
    {
        var points = TestBook.Book.Boundaries.Municipalities.SelectMany(m => m.Polygons).SelectMany(p => p.Outer)
            .ToList();
        var projection = new Projection(points, 400);
        var sakae = projection.Project(TestBook.Book.Boundaries.Find("20602")!.Polygons[0].Outer[0]); // 栄村, north
        var neba = projection.Project(TestBook.Book.Boundaries.Find("20410")!.Polygons[0].Outer[0]);  // 根羽村, south
        Assert.True(sakae.Y < neba.Y);
        Assert.True(sakae.X > neba.X);
        var plane = points.Select(projection.Project).ToList();
        Assert.Equal(0, plane.Min(p => p.X), 6);
        Assert.Equal(400, plane.Max(p => p.X), 6);
        Assert.Equal(0, plane.Min(p => p.Y), 6);
        Assert.InRange(plane.Max(p => p.Y), projection.Height - 1, projection.Height);
        // Nagano is about 120 km wide and 212 km tall: the map keeps that shape.
        Assert.InRange(projection.Height / projection.Width, 1.5, 1.9);
        var back = projection.Unproject(projection.Project(BoundaryTests.IizunaTownHall));
        Assert.Equal(BoundaryTests.IizunaTownHall.Lon, back.Lon, 9);
        Assert.Equal(BoundaryTests.IizunaTownHall.Lat, back.Lat, 9);
    }

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void T5_Simplification_DropsOnlyPointsWithinTheTolerance_KeepingTheRingClosed(int seed)
    {
        var random = new Random(seed);
        var ring = Enumerable.Range(0, 200).Select(i =>
        {
            var angle = i * 2 * Math.PI / 200;
            var radius = 100 + random.NextDouble() * 8;
            return new PlanePoint(radius * Math.Cos(angle), radius * Math.Sin(angle));
        }).ToList();
        ring.Add(ring[0]);
        var simple = Simplification.Simplify(ring, 2);
        Assert.InRange(simple.Count, 4, ring.Count - 1);
        Assert.Equal(ring[0], simple[0]);
        Assert.Equal(ring[^1], simple[^1]);
        // The kept points are points of the ring, in its order (each found after the one before).
        var kept = new List<int>();
        foreach (var p in simple) kept.Add(ring.FindIndex(kept.Count == 0 ? 0 : kept[^1] + 1, x => x == p));
        Assert.DoesNotContain(-1, kept);
        Assert.Equal(ring.Count - 1, kept[^1]);
        for (var k = 0; k + 1 < kept.Count; k++)
            for (var i = kept[k] + 1; i < kept[k + 1]; i++)
                Assert.True(Simplification.DistanceToSegment(ring[i], ring[kept[k]], ring[kept[k + 1]]) <= 2);
    }

    [Fact]
    public void T5_Simplification_LeavesAtLeastATriangle()
    {
        var sliver = new List<PlanePoint> { new(0, 0), new(10, 0.1), new(20, 0), new(10, -0.1), new(5, 0), new(0, 0) };
        var simple = Simplification.Simplify(sliver, 5);
        Assert.Equal(4, simple.Count);
        Assert.Equal(simple[0], simple[^1]);
        Assert.Equal(3, simple.Distinct().Count());
    }

    /// <summary>Issue 16: "simplify the geometry for size". The SVG of the whole prefecture (77 paths) stays
    /// under 40 KB; docs/map.md records its size.</summary>
    [Fact]
    public void T5_TheMapHasAShapeForEveryMunicipality_InCompactPathData()
    {
        Assert.True(Map.Drawable);
        Assert.Equal(77, Map.Shapes.Count);
        Assert.All(Map.Shapes, s => Assert.Matches(PathData(), s.Path));
        Assert.InRange(Map.Shapes.Sum(s => s.Path.Length), 5_000, 40_000);
        Assert.Equal(2, Map.Shapes.Single(s => s.Name == "南箕輪村").Path.Count(c => c == 'M'));
        Assert.Same(Map.ShapeOf("長野市北部"), Map.ShapeOf("長野市南部"));
        Assert.Equal(["長野市北部", "長野市南部"], Map.ShapeOf("長野市北部")!.Areas.Order());
        Assert.Null(Map.ShapeOf("どこでもない町"));
    }

    [GeneratedRegex(@"^(M\d+ \d+l-?\d+((-| )\d+)+z)+$")]
    private static partial Regex PathData();
}
