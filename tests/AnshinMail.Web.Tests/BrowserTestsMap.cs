using Microsoft.Playwright;
using static AnshinMail.Web.Tests.ChromiumBrowser;

namespace AnshinMail.Web.Tests;

/// <summary>
/// T5, issue 16 ("a Chromium test at 390 px that the map renders and a municipality link works"): in Debian's
/// Chromium on a phone-wide page, the archive map fits the screen, a click inside 飯綱町 opens the archive
/// filtered to it; on the draft form, ticking a neighbour's area recolours the map without a reload (the
/// script file the CSP allows). Skipped without /usr/bin/chromium unless ANSHIN_REQUIRE_BROWSER=1.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserMapTests : IAsyncLifetime
{
    private readonly WebApp _app = new();
    private string _base = "";

    public Task InitializeAsync()
    {
        var port = AnshinMail.Rules.Tests.Delivery.Ports.Next();
        _app.UseKestrel(port);
        _app.StartServer();
        _base = $"http://localhost:{port}";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task T5_At390px_TheArchiveMapRenders_AndAMunicipalityLinkOpensItsArchive()
    {
        RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await (await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, Locale = "ja-JP", IsMobile = true, HasTouch = true,
        })).NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync($"{_base}/alerts");
        var map = page.Locator("#archive-map > svg");
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        Assert.InRange(box.Width, 250, 390);
        Assert.True(box.Height > box.Width, "the prefecture is taller than wide");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"),
            "the page scrolls sideways at 390 px");
        Assert.Equal(77, await page.Locator("#archive-map > svg path").CountAsync());
        await Assertions.Expect(page.Locator("#archive-map figcaption")).ToContainTextAsync("国土数値情報");
        await Shot(page, "map-archive-390");

        var link = page.Locator("#archive-map a[aria-label^='飯綱町']");
        await link.ScrollIntoViewIfNeededAsync();
        // A point of the link's own shape, relative to it: the locator's click scrolls it into view, waits until it
        // stands still and checks that the point hits the link (a page coordinate went stale when the page moved).
        var point = await InsideOf(page, "#archive-map a[aria-label^='飯綱町']");
        await link.ClickAsync(new() { Position = new() { X = (float)point[0], Y = (float)point[1] } });
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("municipality=20590"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("飯綱町の配信（過去30日）を表示しています");
        await Assertions.Expect(page.Locator("article").First).ToContainTextAsync("飯綱町");
    }

    [SkippableFact]
    public async Task T3_2_At390px_TickingANeighboursArea_RecoloursTheDraftMap()
    {
        RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await (await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, Locale = "ja-JP",
        })).NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync($"{_base}/account/signin");
        await page.FillAsync("input[name='UserId']", "demo-staff");
        await page.FillAsync("input[name='Password']", "anshin-demo-2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ホーム");
        await page.GotoAsync($"{_base}/drafts/new");
        var suzaka = page.Locator("#area-map path[data-name='須坂市']");
        await Assertions.Expect(suzaka).ToHaveAttributeAsync("class", "plain");
        await page.Locator("details.others summary").First.ClickAsync();
        await page.CheckAsync("input[name='Form.Areas'][value='須坂市']");
        await Assertions.Expect(suzaka).ToHaveAttributeAsync("class", "sel-neighbour");
        await page.CheckAsync("input[name='Form.Areas'][value='飯綱町']");
        await Assertions.Expect(page.Locator("#area-map path[data-name='飯綱町']"))
            .ToHaveAttributeAsync("class", "sel-own");
        await page.Locator("#area-map").ScrollIntoViewIfNeededAsync();
        await Shot(page, "map-draft-390");
        await page.UncheckAsync("input[name='Form.Areas'][value='須坂市']");
        await Assertions.Expect(suzaka).ToHaveAttributeAsync("class", "plain");
    }

    /// <summary>Saves what the page shows under artifacts/screenshots (as BrowserTests does).</summary>
    private static async Task Shot(IPage page, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnshinMail.sln"))) dir = dir.Parent;
        var shots = Directory.CreateDirectory(Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts",
            "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"{name}.png"), FullPage = true });
    }

    /// <summary>A point of the viewport where the element itself (not a neighbour drawn over it) is hit.</summary>
    private static Task<double[]> InsideOf(IPage page, string selector) => page.EvaluateAsync<double[]>("""
        (selector) => {
          const target = document.querySelector(selector);
          const r = target.getBoundingClientRect();
          for (let i = 1; i < 20; i++)
            for (let j = 1; j < 20; j++) {
              const x = r.left + r.width * i / 20, y = r.top + r.height * j / 20;
              const hit = document.elementFromPoint(x, y);
              if (hit && target.contains(hit)) return [x - r.left, y - r.top];
            }
          return [r.width / 2, r.height / 2];
        }
        """, selector);


}
