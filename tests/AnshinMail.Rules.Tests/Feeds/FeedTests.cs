using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Tests.Workflow;
using static AnshinMail.Rules.Tests.Cases;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>The public archive, Atom (RFC 4287) and CAP 1.2 (validated against the OASIS schema).</summary>
public sealed class FeedTests : IDisposable
{
    private const string Base = "https://example.jp";
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<(long Original, long Correction, long Resolution)> History()
    {
        var original = await _f.SentAlert();
        var correction = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), original.AlertId, FollowUpKind.Correction));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), correction.Id, WorkflowFixture.AllConfirmed));
        var c = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), correction.Id, true));
        var resolution = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), original.AlertId, FollowUpKind.Resolution));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), resolution.Id, WorkflowFixture.AllConfirmed));
        var r = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), resolution.Id, true));
        return (original.AlertId, c.AlertId, r.AlertId);
    }

    private static void ValidateCap(string xml) => Assert.Empty(CapErrors(xml));

    internal static List<string> CapErrors(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(CapDocument.Namespace, Path.Combine(TestBook.SharedPath, "schemas", "cap-v1.2.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema, Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    [Fact]
    public async Task T5_TheSchemaCheckRejectsABrokenCapDocument()
    {
        var (original, _, _) = await History();
        await using var db = _f.Open();
        var alert = (await new PublicArchive(db, TestBook.Engine).FindAsync(original))!;
        var xml = new CapDocument(TestBook.Book).Write(alert, [], Base);
        Assert.NotEmpty(CapErrors(xml.Replace("<msgType>Alert</msgType>", "<msgType>Bogus</msgType>")));
        Assert.NotEmpty(CapErrors(xml.Replace("<status>Actual</status>", "")));
    }

    /// <summary>
    /// Issue 12: a resolution is an Update with responseType AllClear (this test used to expect Cancel, which
    /// tells consumers the original never happened); withdrawals are the Cancels (CapSemanticsTests).
    /// </summary>
    [Fact]
    public async Task T5_Cap12_AlertUpdateAllClear_ValidAgainstTheOasisSchema()
    {
        var (original, correction, resolution) = await History();
        await using var db = _f.Open();
        var archive = new PublicArchive(db, TestBook.Engine);
        var cap = new CapDocument(TestBook.Book);
        XNamespace ns = CapDocument.Namespace;
        foreach (var (id, type) in new[] { (original, "Alert"), (correction, "Update"), (resolution, "Update") })
        {
            var alert = (await archive.FindAsync(id))!;
            var xml = cap.Write(alert, await archive.ThreadAsync(alert), Base);
            ValidateCap(xml);
            var doc = XDocument.Parse(xml);
            Assert.Equal(type, doc.Root!.Element(ns + "msgType")!.Value);
            Assert.Equal("Actual", doc.Root.Element(ns + "status")!.Value);
            var info = doc.Root.Element(ns + "info")!;
            Assert.Equal("ja-JP", info.Element(ns + "language")!.Value);
            Assert.Equal("Security", info.Element(ns + "category")!.Value);
            Assert.Equal("長野市北部", info.Element(ns + "area")!.Element(ns + "areaDesc")!.Value);
            Assert.Equal("20201", info.Element(ns + "area")!.Element(ns + "geocode")!.Element(ns + "value")!.Value);
            if (type != "Alert")
                Assert.Contains(cap.Identifier(original), doc.Root.Element(ns + "references")!.Value);
            else
                Assert.Null(doc.Root.Element(ns + "references"));
            Assert.Equal(id == resolution, info.Element(ns + "responseType")!.Value == "AllClear");
        }
    }

    /// <summary>
    /// Every Nagano municipality has its JIS X 0402 code, towns and villages too (信濃町 20583); the two
    /// halves of 長野市 share one geocode. A book without codes describes areas by name only, still valid CAP.
    /// </summary>
    [Fact]
    public async Task T5_Cap12_GeocodesForEveryMunicipality_NameOnlyWithoutCodes()
    {
        var (original, _, _) = await History();
        await using var db = _f.Open();
        var alert = (await new PublicArchive(db, TestBook.Engine).FindAsync(original))! with { Areas = ["長野市北部", "長野市南部", "信濃町", "小川村"] };
        XNamespace ns = CapDocument.Namespace;

        var xml = new CapDocument(TestBook.Book).Write(alert, [], Base);
        ValidateCap(xml);
        var area = XDocument.Parse(xml).Root!.Element(ns + "info")!.Element(ns + "area")!;
        Assert.Equal("長野市北部、長野市南部、信濃町、小川村", area.Element(ns + "areaDesc")!.Value);
        Assert.Equal(["20201", "20583", "20588"], area.Elements(ns + "geocode").Select(g => g.Element(ns + "value")!.Value));

        var bare = new CapDocument(TestBook.Book with { AreaCodes = new Dictionary<string, string>() })
            .Write(alert, [], Base);
        ValidateCap(bare);
        Assert.Empty(XDocument.Parse(bare).Descendants(ns + "geocode"));
    }

    [Fact]
    public async Task T5_ArchiveShowsOnlyWhatWentOut_NewestFirst_ResolvedMarked()
    {
        var (original, _, resolution) = await History();
        var draftOnly = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), WorkflowFixture.Input()));
        await using var db = _f.Open();
        var page = await new PublicArchive(db, TestBook.Engine).PageAsync();
        Assert.Equal(3, page.Total);
        Assert.Equal(resolution, page.Alerts[0].Id);
        Assert.True(page.Alerts.Single(a => a.Id == original).Resolved);
        Assert.True(draftOnly.Id > 0);
        Assert.Empty((await new PublicArchive(db, TestBook.Engine).PageAsync(category: "traffic-safety")).Alerts);
        Assert.Empty((await new PublicArchive(db, TestBook.Engine).PageAsync(area: "松本市")).Alerts);
        Assert.Equal(3, (await new PublicArchive(db, TestBook.Engine).PageAsync(year: 2026, month: 11)).Total);
        Assert.Equal(0, (await new PublicArchive(db, TestBook.Engine).PageAsync(year: 2026, month: 10)).Total);
    }

    [Fact]
    public async Task T5_AtomFeed_HasTheRequiredElements_AndUserTextStaysText()
    {
        var fields = Fields with { Headline = "<script>alert(1)</script>", WhatHappened = "]]> & <b>太字</b>" };
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), WorkflowFixture.Input(fields: fields)));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, WorkflowFixture.AllConfirmed));
        await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        await using var db = _f.Open();
        var page = await new PublicArchive(db, TestBook.Engine).PageAsync();
        var xml = new AtomFeed(TestBook.Book).Write(page.Alerts, "https://example.jp", "/feed.atom", "test", _f.Clock.GetUtcNow());
        var doc = XDocument.Parse(xml);
        XNamespace atom = AtomFeed.Namespace;
        Assert.Equal(atom + "feed", doc.Root!.Name);
        foreach (var required in new[] { "id", "title", "updated" }) Assert.NotNull(doc.Root.Element(atom + required));
        var entry = Assert.Single(doc.Root.Elements(atom + "entry"));
        foreach (var required in new[] { "id", "title", "updated" }) Assert.NotNull(entry.Element(atom + required));
        Assert.Contains("<script>alert(1)</script>", entry.Element(atom + "title")!.Value);
        Assert.DoesNotContain("<script>", xml); // escaped in the XML text
        Assert.Equal("text", entry.Element(atom + "content")!.Attribute("type")!.Value);
        Assert.Contains(entry.Elements(atom + "link"), l => l.Attribute("href")!.Value.EndsWith(".cap.xml", StringComparison.Ordinal));
    }

    /// <summary>
    /// T5: CAP feed readers take an entry's &lt;content&gt; to be the CAP document itself, so /cap.atom carries
    /// the text as &lt;summary&gt; and the document as the application/cap+xml link; /feed.atom keeps its content.
    /// </summary>
    [Fact]
    public async Task T5_CapIndex_HasTheTextAsSummary_AndTheDocumentAsLink_NeverAsContent()
    {
        var (original, correction, resolution) = await History();
        await using var db = _f.Open();
        var page = await new PublicArchive(db, TestBook.Engine).PageAsync();
        var feed = new AtomFeed(TestBook.Book);
        XNamespace atom = AtomFeed.Namespace;
        var index = XDocument.Parse(feed.WriteCapIndex(page.Alerts, Base, "/cap.atom", "t", _f.Clock.GetUtcNow()));
        var entries = index.Root!.Elements(atom + "entry").ToList();
        Assert.Equal([$"{Base}/alerts/{resolution}", $"{Base}/alerts/{correction}", $"{Base}/alerts/{original}"],
            entries.Select(e => e.Element(atom + "id")!.Value));
        Assert.Equal(entries.Count, entries.Select(e => e.Element(atom + "id")!.Value).Distinct().Count());
        foreach (var (entry, alert) in entries.Zip(page.Alerts))
        {
            Assert.Null(entry.Element(atom + "content"));
            Assert.Equal(alert.Body.Replace("\r\n", "\n"), entry.Element(atom + "summary")!.Value);
            Assert.Equal("text", entry.Element(atom + "summary")!.Attribute("type")!.Value);
            var link = Assert.Single(
                entry.Elements(atom + "link"), l => l.Attribute("type")!.Value == "application/cap+xml");
            Assert.Equal($"{Base}/alerts/{alert.Id}.cap.xml", link.Attribute("href")!.Value);
        }
        var plain = XDocument.Parse(feed.Write(page.Alerts, Base, "/feed.atom", "t", _f.Clock.GetUtcNow()));
        Assert.All(plain.Root!.Elements(atom + "entry"), e => Assert.NotNull(e.Element(atom + "content")));
    }

    /// <summary>Issue 12: a withdrawn alert's entry shows the book's withdrawal text instead of its own.</summary>
    [Fact]
    public async Task T5_AWithdrawnAlertsEntry_IsUpdated_AndNoLongerShowsItsText()
    {
        var (original, _, _) = await History();
        await using var db = _f.Open();
        var alert = (await new PublicArchive(db, TestBook.Engine).FindAsync(original))!;
        var withdrawnAt = alert.SentAt.AddHours(3);
        var feed = new AtomFeed(TestBook.Book);
        XNamespace atom = AtomFeed.Namespace;
        var withdrawn = alert with { WithdrawnAt = withdrawnAt };
        foreach (var xml in new[]
                 {
                     feed.Write([withdrawn], Base, "/feed.atom", "t", withdrawnAt),
                     feed.WriteCapIndex([withdrawn], Base, "/cap.atom", "t", withdrawnAt),
                 })
        {
            var entry = XDocument.Parse(xml).Root!.Element(atom + "entry")!;
            Assert.Equal(TestBook.Book.CapWithdrawal.Headline, entry.Element(atom + "title")!.Value);
            var updated = entry.Element(atom + "updated")!.Value;
            Assert.Equal(withdrawnAt, DateTimeOffset.Parse(updated, System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(alert.Subject, xml);
            Assert.DoesNotContain(Fields.WhatHappened, xml);
        }
    }
}
