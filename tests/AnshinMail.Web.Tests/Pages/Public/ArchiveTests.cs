using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>
/// T5, issue 16 ("a map"): the archive shows the prefecture's municipalities shaded by the alerts of the last
/// 30 days (the demo's: 長野市北部, 信濃町, 飯綱町), each municipality with alerts a named link to the archive
/// filtered to it, with a table of the same counts and the boundary data's credit line; the category filter
/// applies to the map.
/// </summary>
public sealed partial class ArchiveTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Credit => _app.Services.GetRequiredService<PolicyBook>().Geography!.Credit;

    private static List<(string Href, string Name, int Count)> MapLinks(string page) =>
        MapLink().Matches(Map(page)).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value,
            int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static string Map(string page) => Regex.Match(page, "<figure class=\"map\" id=\"archive-map\">.*?</figure>",
        RegexOptions.Singleline).Value;

    [Fact]
    public async Task T5_TheArchiveMap_LinksEveryMunicipalityWithAlerts_ToTheArchiveFilteredToIt()
    {
        var client = _app.Browser();
        var page = await client.GetStringAsync("/alerts");
        var map = Map(page);
        Assert.Equal(77, Regex.Matches(map, "<path ").Count);
        var links = MapLinks(page);
        Assert.Equal(["信濃町", "長野市", "飯綱町"], links.Select(l => l.Name).Order());
        Assert.Contains(Credit, map);
        Assert.Contains("過去30日の配信件数（市町村別）", map);
        // Every link the map renders leads to the archive of that municipality, with as many alerts as it says.
        foreach (var (href, name, count) in links)
        {
            var filtered = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
            var html = await filtered.Content.ReadAsStringAsync();
            Assert.Contains($"{name}の配信（過去30日）を表示しています", html);
            var articles = Regex.Matches(html, "<article class=\"panel\">.*?</article>", RegexOptions.Singleline);
            Assert.Equal(count, articles.Count);
            Assert.All(articles, a => Assert.Contains(name == "長野市" ? "長野市北部" : name, a.Value));
            // The table beside the map says the same, linked the same.
            var row = $"<th scope=\"row\"><a href=\"{Regex.Escape(WebUtility.HtmlEncode(href))}\"[^>]*>{name}</a></th>";
            Assert.Matches(row + $"\\s*<td>{count}件</td>", page);
        }
        Assert.Contains("<caption>過去30日の配信件数（市町村別）</caption>", page);
    }

    [Fact]
    public async Task T5_TheArchiveMap_FollowsTheCategoryFilter_AndOnlyTheLast30Days()
    {
        var client = _app.Browser();
        var bears = MapLinks(await client.GetStringAsync("/alerts?category=crime-prevention"));
        var (href, name, count) = Assert.Single(bears);
        Assert.Equal("飯綱町", name);
        Assert.Contains("category=crime-prevention", href);
        var html = await client.GetStringAsync(href);
        Assert.All(Regex.Matches(html, "<article class=\"panel\">.*?</article>", RegexOptions.Singleline),
            a => Assert.Contains("防犯情報", a.Value));
        Assert.True(count >= 1);

        _app.Clock.Advance(TimeSpan.FromDays(31));
        var later = await client.GetStringAsync("/alerts");
        Assert.Empty(MapLinks(later));
        Assert.Contains("この期間の配信はありません。", later);
        Assert.Contains("クマの目撃情報", later); // the archive itself keeps them
    }

    [Fact]
    public async Task T5_AnAlertsPage_HighlightsItsAreas_WithTheCredit()
    {
        var client = _app.Browser();
        var archive = await client.GetStringAsync("/alerts?category=traffic-safety");
        var id = Regex.Match(archive, "href=\"/alerts/(\\d+)\"").Groups[1].Value;
        var page = await client.GetStringAsync($"/alerts/{id}");
        var map = Regex.Match(page, "<figure class=\"map\" id=\"alert-map\">.*?</figure>", RegexOptions.Singleline)
            .Value;
        Assert.Contains("role=\"img\"", map);
        var hit = Regex.Matches(map, "<path class=\"hit\"[^>]*data-name=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(["信濃町", "長野市"], hit.Order());
        Assert.Equal(75, Regex.Matches(map, "<path class=\"plain\"").Count);
        Assert.Contains("対象地域の地図：長野市、信濃町", map);
        Assert.Contains(Credit, map);
    }

    [Fact]
    public async Task T5_AnUnknownMunicipalityOrWindow_ShowsTheWholeArchive_NeverAnError()
    {
        var client = _app.Browser();
        foreach (var query in new[] { "municipality=99999", "days=-4", "days=abc", "municipality=%00&days=99999" })
        {
            var response = await client.GetAsync($"/alerts?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("を表示しています", html);
            Assert.Contains("クマの目撃情報", html);
        }
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" aria-label=\"([^：\"]+)：(\\d+)件\">")]
    private static partial Regex MapLink();
}
