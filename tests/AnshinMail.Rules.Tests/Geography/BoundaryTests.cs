using AnshinMail.Rules.Geography;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Tests.PolicyBooks;

namespace AnshinMail.Rules.Tests.Geography;

/// <summary>
/// T5 (issue 16, "a map"): the book names its boundary file, every area of the book has a boundary in it, and
/// points known to lie in a municipality are found in it.
/// </summary>
public class BoundaryTests
{
    /// <summary>飯綱町役場 (牟礼) and 長野市役所, from the map: each in its own municipality only.</summary>
    public static readonly GeoPoint IizunaTownHall = new(138.2561, 36.7546);
    public static readonly GeoPoint NaganoCityHall = new(138.1948, 36.6486);

    [Fact]
    public void T5_TheNaganoBook_NamesItsBoundaries_And77MunicipalitiesWithTheCredit()
    {
        var book = TestBook.Book;
        Assert.Equal("nagano-municipalities.geojson", book.Geography!.Boundaries);
        Assert.Equal(Path.Combine(TestBook.RepositoryRoot, "rules", "nagano-municipalities.geojson"),
            book.BoundariesPath);
        Assert.Equal(77, book.Boundaries.Municipalities.Count);
        Assert.Equal(77, book.Boundaries.Municipalities.Select(m => m.Code).Distinct().Count());
        Assert.Equal("出典：国土交通省 国土数値情報（行政区域データ）を加工して作成", book.Geography.Credit);
        Assert.Equal("飯綱町", book.Boundaries.Find("20590")!.Name);
        Assert.Equal(2, book.Boundaries.Find("20385")!.Polygons.Count);
    }

    [Fact]
    public void T5_EveryAreaOfTheBook_HasABoundary_NamedAsTheBookNamesIt()
    {
        var book = TestBook.Book;
        foreach (var area in book.AllAreas)
        {
            var municipality = book.Boundaries.Find(book.AreaCodes[area]);
            Assert.NotNull(municipality);
            // 長野市北部 and 長野市南部 lie in 長野市; every other area is a municipality of the same name.
            Assert.StartsWith(municipality.Name, area);
        }
        Assert.Equal(book.Boundaries.Municipalities.Select(m => m.Code).Order(),
            book.AllAreas.Select(a => book.AreaCodes[a]).Distinct().Order());
    }

    [Fact]
    public void T5_Containment_FindsAKnownPointInItsMunicipalityOnly()
    {
        var all = TestBook.Book.Boundaries.Municipalities;
        Assert.Equal(["飯綱町"], all.Where(m => m.Contains(IizunaTownHall)).Select(m => m.Name));
        Assert.Equal(["長野市"], all.Where(m => m.Contains(NaganoCityHall)).Select(m => m.Name));
        Assert.DoesNotContain(all, m => m.Contains(new GeoPoint(139.6917, 35.6895))); // 東京都庁
    }

    [Fact]
    public void T5_Containment_OfASquareWithAHole()
    {
        GeoPoint[] outer = [new(0, 0), new(4, 0), new(4, 4), new(0, 4), new(0, 0)];
        GeoPoint[] hole = [new(1, 1), new(3, 1), new(3, 3), new(1, 3), new(1, 1)];
        var polygon = new GeoPolygon(outer, [hole]);
        Assert.True(polygon.Contains(new GeoPoint(0.5, 0.5)));
        Assert.False(polygon.Contains(new GeoPoint(2, 2)));
        Assert.False(polygon.Contains(new GeoPoint(5, 2)));
        Assert.False(polygon.Contains(new GeoPoint(2, -1)));
    }

    [Fact]
    public void T5_ABookWithoutABoundaryFile_IsRefusedNamingTheKey()
    {
        var path = BrokenBooks.Write("no-geo-file",
            """{ "op": "set", "at": "$.geography", "key": "boundaries", "value": "missing.geojson" }""");
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(path));
        Assert.Equal("$.geography.boundaries", e.JsonPath);
        Assert.Contains("missing.geojson", e.Problem);
    }

    [Fact]
    public void T5_ABoundaryFileThatIsNotGeoJson_IsRefused()
    {
        var node = BrokenBooks.Nagano();
        var bad = Path.Combine(Directory.CreateTempSubdirectory("anshin-geo-").FullName, "bad.geojson");
        File.WriteAllText(bad, """{ "type": "FeatureCollection", "features": [ { "properties": {} } ] }""");
        node["geography"]!["boundaries"] = bad;
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(BrokenBooks.Save("bad-geo", node)));
        Assert.Equal("$.geography.boundaries", e.JsonPath);
        Assert.Contains("N03_007", e.Problem);
    }

    [Fact]
    public void T5_AnAreaWhoseCodeHasNoBoundary_IsRefused()
    {
        var path = BrokenBooks.Write("no-boundary",
            """{ "op": "set", "at": "$.areaCodes", "key": "飯綱町", "value": "99999" }""");
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(path));
        Assert.Equal("$.areaCodes.飯綱町", e.JsonPath);
        Assert.Contains("99999", e.Problem);
    }

    [Fact]
    public void T5_ABookWithoutGeography_LoadsAndDrawsNoMap()
    {
        var node = BrokenBooks.Nagano();
        node["geography"] = null;
        var book = PolicyBook.Load(BrokenBooks.Save("no-geography", node));
        Assert.Empty(book.Boundaries.Municipalities);
        Assert.False(new MunicipalMap(book).Drawable);
        var missing = BrokenBooks.Write("geography-missing", """{ "op": "remove", "at": "$", "key": "geography" }""");
        Assert.Contains("必須のキーがありません", Assert.Throws<PolicyBookException>(() => PolicyBook.Load(missing)).Problem);
    }

    [Fact]
    public void T3_2_AreaRelations_OwnNeighbourAndOutside_AndHqOwnsEverything()
    {
        var book = TestBook.Book;
        var station = book.Stations.First(s => s.Neighbours.Count > 0);
        var neighbour = book.Unit(station.Neighbours[0].Unit);
        var far = book.Stations.First(s => s.Id != station.Id && station.Neighbours.All(n => n.Unit != s.Id));
        Assert.Equal(AreaRelation.Own, AreaRelations.Of(book, station.Id, station.Jurisdiction[0]));
        Assert.Equal(AreaRelation.Neighbour, AreaRelations.Of(book, station.Id, neighbour.Jurisdiction[0]));
        Assert.Equal(AreaRelation.Outside, AreaRelations.Of(book, station.Id, far.Jurisdiction[0]));
        Assert.Equal(AreaRelation.Own, AreaRelations.Of(book, book.Offices.SecurityManagerUnit, far.Jurisdiction[0]));
    }
}
