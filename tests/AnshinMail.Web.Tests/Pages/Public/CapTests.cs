using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>
/// T5 (issue 12, CAP semantics) over HTTP, on the demo's alerts (a child-safety alert and its resolution, a
/// bear sighting and its correction, a traffic notice): /cap.atom lists every document as an
/// application/cap+xml link with the text as &lt;summary&gt;, never &lt;content&gt;; each document is valid against
/// the OASIS schema and says what it is (Alert, Update, Update + AllClear), with the book's values, the
/// draft's advice as &lt;instruction&gt; and &lt;web&gt; under the configured public base URL, whatever the Host.
/// </summary>
public sealed class CapTests : IAsyncLifetime
{
    private const string PublicBase = "https://anshin.example.jp";
    private static readonly XNamespace Atom = AtomFeed.Namespace;
    private static readonly XNamespace Cap = CapDocument.Namespace;
    private readonly WebApp _app = new();

    public CapTests()
    {
        _app.Settings["AnshinMail:PublicBaseUrl"] = PublicBase;
        _app.Settings["AllowedHosts"] = "*"; // the test client asks as localhost; links still name the public base
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private PolicyBook Book => _app.Services.GetRequiredService<PolicyBook>();

    private async Task<IReadOnlyList<PublicAlert>> Demo()
    {
        using var scope = _app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PublicArchive>().PageAsync()).Alerts;
    }

    private List<string> SchemaErrors(string xml)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Book.SourcePath))!;
        var schemas = new XmlSchemaSet();
        schemas.Add(CapDocument.Namespace, Path.Combine(root, "..", "shared", "schemas", "cap-v1.2.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    private static string Value(XElement alert, string name) =>
        (alert.Element(Cap + name) ?? alert.Element(Cap + "info")!.Element(Cap + name))!.Value;

    [Fact]
    public async Task T5_CapIndex_LinksEveryDocument_WithTheTextAsSummary_NeverAsContent()
    {
        var client = _app.Browser();
        var response = await client.GetAsync("/cap.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        var demo = await Demo();
        Assert.Equal(demo.Count, entries.Count);
        var types = new List<string>();
        foreach (var (entry, alert) in entries.Zip(demo))
        {
            Assert.Null(entry.Element(Atom + "content"));
            Assert.Equal(alert.Body, entry.Element(Atom + "summary")!.Value);
            var link = entry.Elements(Atom + "link").Single(l => l.Attribute("type")!.Value == "application/cap+xml");
            var cap = await client.GetAsync(new Uri(link.Attribute("href")!.Value).AbsolutePath);
            Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType!.MediaType);
            var xml = await cap.Content.ReadAsStringAsync();
            Assert.Empty(SchemaErrors(xml));
            types.Add(Value(XDocument.Parse(xml).Root!, "msgType"));
        }
        Assert.Equal(["Alert", "Alert", "Alert", "Update", "Update"], types.Order());
        Assert.Contains("<content", await client.GetStringAsync("/feed.atom")); // the reader's feed keeps its text
    }

    [Fact]
    public async Task T5_EachDemoDocument_SaysWhatItIs_WithTheBooksValues_AdviceAndPublicPage()
    {
        var client = _app.Browser(); // on localhost: <web> is under the configured base URL all the same
        var identifiers = _app.Services.GetRequiredService<CapDocument>();
        var demo = await Demo();
        Assert.Equal(2, demo.Count(a => a.FollowUpKind is not null));
        foreach (var alert in demo)
        {
            var cap = XDocument.Parse(await client.GetStringAsync($"/alerts/{alert.Id}.cap.xml")).Root!;
            var category = Book.Category(alert.CategoryId);
            var resolution = alert.FollowUpKind == FollowUpKind.Resolution;
            var values = resolution ? Book.CapResolution : category.CapInfo;
            Assert.Equal(alert.FollowUpKind is null ? "Alert" : "Update", Value(cap, "msgType"));
            Assert.Equal(resolution ? "AllClear" : category.CapResponseType, Value(cap, "responseType"));
            Assert.Equal(values.Urgency, Value(cap, "urgency"));
            Assert.Equal(values.Severity, Value(cap, "severity"));
            Assert.Equal(values.Certainty, Value(cap, "certainty"));
            Assert.Equal($"{PublicBase}/alerts/{alert.Id}", Value(cap, "web"));
            Assert.False(string.IsNullOrWhiteSpace(alert.Advice)); // every demo draft gives advice
            Assert.Equal(alert.Advice, Value(cap, "instruction"));
            var sent = DateTimeOffset.Parse(Value(cap, "sent"), CultureInfo.InvariantCulture);
            Assert.Equal(alert.SentAt, sent);
            var expires = DateTimeOffset.Parse(Value(cap, "expires"), CultureInfo.InvariantCulture);
            Assert.Equal(sent.AddHours(category.CapExpiresHours), expires);
            if (alert.FollowUpOf is { } original)
            {
                var first = Value(cap, "references").Split(' ')[0];
                Assert.StartsWith($"{Book.Sender.Address},{identifiers.Identifier(original)},", first);
            }
            else
                Assert.Null(cap.Element(Cap + "references"));
        }
    }
}
