using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Tests.Workflow;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>
/// T5, issue 16 ("a map of the prefecture shaded by alerts of the last 30 days per municipality, category filter
/// applies, each municipality linking to the archive filtered to it"): the archive counts by JIS X 0402 code,
/// within a window and a category, exactly as the archive filtered to that municipality lists them.
/// </summary>
public sealed class ArchiveMapCountsTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task T5_CountsPerMunicipality_FollowTheWindowAndTheCategory_AndMatchTheFilteredArchive()
    {
        var start = _f.Clock.GetUtcNow();
        await _f.SentAlert("child-safety", ["長野市北部", "飯綱町"]);
        await _f.SentAlert("traffic-safety", ["飯綱町"]);
        _f.Clock.Advance(TimeSpan.FromDays(31));
        await _f.SentAlert("child-safety", ["信濃町"]);
        await using var db = _f.Open();
        var archive = new PublicArchive(db, TestBook.Engine);
        var lastMonth = _f.Clock.GetUtcNow().AddDays(-30);

        Assert.Equal(new Dictionary<string, int> { ["20583"] = 1 },
            await archive.CountsByMunicipalityAsync(new ArchiveFilter(Since: lastMonth)));
        var all = await archive.CountsByMunicipalityAsync(new ArchiveFilter(Since: start));
        Assert.Equal(new Dictionary<string, int> { ["20201"] = 1, ["20590"] = 2, ["20583"] = 1 }, all);
        Assert.Equal(new Dictionary<string, int> { ["20590"] = 1 },
            await archive.CountsByMunicipalityAsync(new ArchiveFilter("traffic-safety", Since: start)));

        foreach (var (code, count) in all)
        {
            var page = await archive.PageAsync(new ArchiveFilter(Municipality: code, Since: start));
            Assert.Equal(count, page.Total);
            Assert.All(page.Alerts, a => Assert.Contains(a.Areas, area => TestBook.Book.AreaCodes[area] == code));
        }
        Assert.Equal(0, (await archive.PageAsync(new ArchiveFilter(Municipality: "20590", Since: lastMonth))).Total);
    }
}
