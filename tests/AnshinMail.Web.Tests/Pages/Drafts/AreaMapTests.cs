using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>
/// Issue 16 ("staff draft form: the target areas drawn on the map as they are ticked"), T3(2), Y11.4: the draft
/// form's map (Pages/Shared/_AreaMap) draws the ticked areas of a 長野中央署 writer in three styles, its own
/// jurisdiction, a neighbouring station's (須坂署) and beyond (松本署), with a Japanese legend; the page loads its
/// recolouring script from a file, as the CSP allows no inline script.
/// </summary>
public sealed partial class AreaMapTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Map(string page) =>
        Regex.Match(page, "<figure class=\"map\" id=\"area-map\">.*?</figure>", RegexOptions.Singleline).Value;

    private static string ClassOf(string map, string name) =>
        Regex.Match(map, $"<path class=\"([^\"]+)\"[^>]*data-name=\"{name}\"").Groups[1].Value;

    [Fact]
    public async Task T3_2_TheDraftFormsMap_DrawsOwnNeighbourAndOutsideAreasApart_WithAJapaneseLegend()
    {
        var staff = await _app.SignedIn("demo-staff");
        var response = await staff.GetAsync("/drafts/new");
        var empty = Map(await response.Content.ReadAsStringAsync());
        Assert.Contains("選択した隣接署の管内", empty);
        Assert.Contains("選択したその他の管内（本部への配信要請）", empty);
        Assert.Equal("plain", ClassOf(empty, "須坂市"));
        Assert.Equal("plain", ClassOf(empty, "松本市"));
        Assert.Contains("出典：国土交通省", empty);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());

        var fields = DraftForms.Draft();
        fields.Remove("Form.Areas");
        var ticked = new[] { "飯綱町", "須坂市", "松本市", "長野市南部" }
            .Select(a => new KeyValuePair<string, string>("Form.Areas", a));
        var preview = await staff.PostForm("/drafts/new?handler=Preview", fields, extra: ticked);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        var map = Map(html);
        Assert.Equal("sel-own", ClassOf(map, "飯綱町"));
        Assert.Equal("sel-neighbour", ClassOf(map, "須坂市"));
        Assert.Equal("sel-outside", ClassOf(map, "松本市"));
        // 長野市: its northern half is the writer's own, the ticked southern half 長野南署's, a neighbour.
        Assert.Equal("sel-neighbour", ClassOf(map, "長野市"));
        Assert.Equal("base-own", ClassOf(map, "信濃町"));
        Assert.Matches("<script src=\"/js/area-map.js\\?v=[^\"]+\" defer>", html);
        Assert.DoesNotMatch("<script>(?!</script>)", html);
    }

    [Fact]
    public async Task T3_2_ForAnHqDivision_EveryTickedAreaIsItsOwn()
    {
        var hq = await _app.SignedIn("demo-hq");
        var fields = DraftForms.Draft();
        fields["Form.Areas"] = "松本市";
        var map = Map(await (await hq.PostForm("/drafts/new?handler=Preview", fields)).Content.ReadAsStringAsync());
        Assert.Equal("sel-own", ClassOf(map, "松本市"));
        Assert.DoesNotContain("隣接署", map);
        Assert.Equal(76, Regex.Matches(map, "<path class=\"plain\"").Count);
    }
}
