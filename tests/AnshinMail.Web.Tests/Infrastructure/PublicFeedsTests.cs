using System.Net;
using System.Xml.Linq;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// T5: every absolute link (Atom, the CAP index, mails, posters) comes from the one configured public base URL,
/// never from the request's Host header; the app answers only to that host.
/// </summary>
public sealed class PublicFeedsTests : IAsyncLifetime
{
    private const string Base = "https://anshin.example.jp";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    private static IEnumerable<string> Links(string atom) =>
        XDocument.Parse(atom).Descendants(Atom + "link").Select(l => l.Attribute("href")!.Value)
            .Concat(XDocument.Parse(atom).Descendants(Atom + "id").Select(i => i.Value));

    [Theory]
    [InlineData("/feed.atom")]
    [InlineData("/feed.atom?category=crime-prevention")]
    [InlineData("/cap.atom")]
    public async Task T5_FeedLinksComeFromThePublicBaseUrl_NotTheHostHeader(string path)
    {
        _app.Settings["AnshinMail:PublicBaseUrl"] = Base;
        _app.Settings["AllowedHosts"] = "*"; // even with host filtering off, the Host header changes no link
        var response = await Get(_app.Browser(), path, "evil.example");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = Links(await response.Content.ReadAsStringAsync()).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith(Base + "/", l));
    }

    [Fact]
    public async Task T5_TheAppAnswersOnlyToThePublicHost()
    {
        _app.Settings["AnshinMail:PublicBaseUrl"] = Base;
        var client = _app.Browser();
        Assert.Equal(HttpStatusCode.BadRequest, (await Get(client, "/feed.atom", "evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/feed.atom", "anshin.example.jp")).StatusCode);
    }

    [Fact]
    public async Task T5_MailAndPosterLinksComeFromThePublicBaseUrl()
    {
        _app.Settings["AnshinMail:PublicBaseUrl"] = Base;
        var client = _app.Browser();
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/poster?station=nagano-chuo"))
        {
            request.Headers.Host = "anshin.example.jp";
            var poster = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains($"{Base}/subscribe?station=nagano-chuo", poster);
        }
        var link = await Pages.Public.SubscriptionLinks.Start(_app, "links@example.jp");
        var mail = _app.Smtp.Accepted.Last(m => m.To.Mailboxes.Any(x => x.Address == "links@example.jp"));
        Assert.Contains(Base + link, mail.TextBody);
    }

    /// <summary>The key of earlier versions (for mails only) still works, now for every link.</summary>
    [Fact]
    public async Task T5_TheOldDeliveryKeyStillSetsTheBase()
    {
        _app.Settings["AnshinMail:Delivery:PublicBaseUrl"] = "https://old.example.jp/anshin";
        var response = await Get(_app.Browser(), "/feed.atom", "old.example.jp");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = Links(await response.Content.ReadAsStringAsync());
        Assert.All(links, l => Assert.StartsWith("https://old.example.jp/anshin/", l));
    }

    [Fact]
    public async Task T5_Unconfigured_LinksUseTheListeningAddress()
    {
        _app.Settings["urls"] = "http://localhost:5999";
        var response = await Get(_app.Browser(), "/cap.atom", "localhost");
        var links = Links(await response.Content.ReadAsStringAsync());
        Assert.All(links, l => Assert.StartsWith("http://localhost:5999/", l));
    }
}
