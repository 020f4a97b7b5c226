using System.Text.RegularExpressions;
using AnshinMail.Rules.Geography;

namespace AnshinMail.Rules.Tests.Geography;

/// <summary>T5 over both books of rules/: every area has a boundary in the book's own file (Nagano's MLIT data, the
/// sample's generated fictional squares), the municipalities tile without overlapping, and the map draws one shape
/// per municipality with the areas that share one (長野市北部 and 南部; 見本市東部 and 西部) on the same shape.</summary>
public partial class GeographyBothBooksTests
{
    public static TheoryData<string> Books => BookCases.Both;

    [Theory]
    [MemberData(nameof(Books))]
    public void T5_EveryArea_HasABoundaryOfItsBook_AndEveryBoundaryAnArea(string name)
    {
        var book = BookCases.Named(name).Book;
        foreach (var area in book.AllAreas)
        {
            var municipality = book.Boundaries.Find(book.AreaCodes[area]);
            Assert.NotNull(municipality);
            Assert.StartsWith(municipality.Name, area);
        }
        Assert.Equal(book.Boundaries.Municipalities.Select(m => m.Code).Order(),
            book.AllAreas.Select(a => book.AreaCodes[a]).Distinct().Order());
        Assert.False(string.IsNullOrWhiteSpace(book.Geography!.Credit));
    }

    /// <summary>T5: a point of a municipality's own ring (its first corner nudged towards its centre) lies in that
    /// municipality only.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public void T5_APointInsideEachMunicipality_IsInThatOneOnly(string name)
    {
        var all = BookCases.Named(name).Book.Boundaries.Municipalities;
        var tested = 0;
        foreach (var m in all)
        {
            var ring = m.Polygons.OrderByDescending(p => p.Outer.Count).First().Outer;
            var inside = Enumerable.Range(0, ring.Count - 1)
                .Select(i => (GeoPoint?)Midpoint(ring[i], ring[(i + ring.Count / 2) % (ring.Count - 1)]))
                .FirstOrDefault(p => m.Contains(p!.Value));
            // A ring too twisted for the chord test is skipped; Nagano's own tests cover its data.
            if (inside is not { } point) continue;
            Assert.Equal([m.Code], all.Where(o => o.Contains(point)).Select(o => o.Code));
            tested++;
        }
        Assert.True(tested > all.Count / 2, $"{tested} of {all.Count} municipalities tested");
    }

    private static GeoPoint Midpoint(GeoPoint a, GeoPoint b) => new((a.Lon + b.Lon) / 2, (a.Lat + b.Lat) / 2);

    [Theory]
    [MemberData(nameof(Books))]
    public void T5_TheMap_HasAShapeForEveryMunicipality_AndSharedShapesForSplitCities(string name)
    {
        var book = BookCases.Named(name).Book;
        var map = new MunicipalMap(book);
        Assert.True(map.Drawable);
        Assert.Equal(book.Boundaries.Municipalities.Count, map.Shapes.Count);
        Assert.All(map.Shapes, s => Assert.Matches(PathData(), s.Path));
        foreach (var shared in book.AllAreas.GroupBy(a => book.AreaCodes[a]).Where(g => g.Count() > 1))
            Assert.Equal(shared.Order(), map.ShapeOf(shared.First())!.Areas.Order());
    }

    [Fact]
    public void T5_TheSampleBook_Has20FictionalMunicipalities_WithCodesOutsideEveryPrefecture()
    {
        var book = BookCases.Sample.Book;
        Assert.Equal(20, book.Boundaries.Municipalities.Count);
        // JIS X 0402 prefecture codes run 01–47: 99 is no prefecture.
        Assert.All(book.AreaCodes.Values, code => Assert.StartsWith("99", code));
        Assert.Contains("架空", book.Geography!.Credit);
    }

    [GeneratedRegex(@"^(M\d+ \d+l-?\d+((-| )\d+)+z)+$")]
    private static partial Regex PathData();
}
