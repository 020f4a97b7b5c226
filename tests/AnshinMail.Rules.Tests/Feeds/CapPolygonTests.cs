using System.Globalization;
using System.Xml.Linq;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Geography;
using AnshinMail.Rules.Tests.Geography;
using AnshinMail.Rules.Tests.Workflow;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>
/// T5, issue 16 ("CAP: each &lt;area&gt; also carries &lt;polygon&gt;s from the boundaries"): WGS 84 "lat,lon"
/// pairs, closed rings of at least 4 pairs, one &lt;polygon&gt; per polygon of a municipality, valid against the
/// OASIS schema, and meaning what they say: 飯綱町's polygon holds its town hall and not 長野市役所.
/// </summary>
public sealed class CapPolygonTests : IDisposable
{
    private const string Base = "https://example.jp";
    private static readonly XNamespace Ns = CapDocument.Namespace;
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<XElement> Area(params string[] areas)
    {
        var sent = await _f.SentAlert();
        await using var db = _f.Open();
        var alert = (await new PublicArchive(db, TestBook.Engine).FindAsync(sent.AlertId))! with { Areas = areas };
        var xml = new CapDocument(TestBook.Book).Write(alert, [], Base);
        Assert.Empty(FeedTests.CapErrors(xml));
        Assert.Empty(GoogleCapProfile.Findings(xml));
        return XDocument.Parse(xml).Root!.Element(Ns + "info")!.Element(Ns + "area")!;
    }

    private static List<GeoPoint> Ring(string polygon) => polygon.Split(' ').Select(pair => pair.Split(','))
        .Select(p => new GeoPoint(double.Parse(p[1], CultureInfo.InvariantCulture),
            double.Parse(p[0], CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public async Task T5_CapAreaPolygons_ClosedLatLonRings_OnePerPolygon_ValidAgainstTheSchema()
    {
        // 南箕輪村 is two polygons; both halves of 長野市 are one municipality, drawn once.
        var area = await Area("長野市北部", "長野市南部", "南箕輪村", "飯綱町");
        var names = area.Elements().Select(e => e.Name.LocalName).Distinct().ToList();
        Assert.Equal(["areaDesc", "polygon", "geocode"], names);
        var polygons = area.Elements(Ns + "polygon").Select(p => p.Value).ToList();
        Assert.Equal(4, polygons.Count);
        foreach (var polygon in polygons)
        {
            var pairs = polygon.Split(' ');
            Assert.True(pairs.Length >= 4);
            Assert.Equal(pairs[0], pairs[^1]);
            // "lat,lon": Nagano lies at 35–37° N, 137–139° E.
            Assert.All(Ring(polygon), p => Assert.True(p.Lat is > 35 and < 37.1 && p.Lon is > 137 and < 139));
        }
    }

    [Fact]
    public async Task T5_ThePolygonOfIizuna_ContainsItsTownHall_AndNotNaganoCityHall()
    {
        var area = await Area("飯綱町");
        var ring = Ring(Assert.Single(area.Elements(Ns + "polygon")).Value);
        Assert.True(Containment.InRing(ring, BoundaryTests.IizunaTownHall));
        Assert.False(Containment.InRing(ring, BoundaryTests.NaganoCityHall));
    }

    [Fact]
    public async Task T5_AnAreaWithoutABoundary_IsDescribedByNameAndGeocodeOnly()
    {
        var sent = await _f.SentAlert();
        await using var db = _f.Open();
        var alert = (await new PublicArchive(db, TestBook.Engine).FindAsync(sent.AlertId))! with { Areas = ["飯綱町"] };
        var book = TestBook.Book with { Boundaries = Boundaries.None };
        var xml = new CapDocument(book).Write(alert, [], Base);
        Assert.Empty(FeedTests.CapErrors(xml));
        Assert.Empty(XDocument.Parse(xml).Descendants(Ns + "polygon"));
        Assert.Single(XDocument.Parse(xml).Descendants(Ns + "geocode"));
    }
}
