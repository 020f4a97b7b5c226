using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static AnshinMail.Web.Tests.ChromiumBrowser;

namespace AnshinMail.Web.Tests;

/// <summary>
/// T5, issue 16 (やさしい日本語): the easy sign-up page in Debian's Chromium at a phone's width (390 px), used as a
/// grandparent who reads little kanji would: the book's names carry furigana, the live summary keeps it, a refusal
/// is in easy words and keeps what was typed, and axe-core (WCAG 2.2 AA) finds nothing on the page as it is then.
/// Skipped without /usr/bin/chromium unless ANSHIN_REQUIRE_BROWSER=1.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserEasyJapaneseTests : IAsyncLifetime
{
    private static readonly string[] Wcag22AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
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
    public async Task T5_EasySignUpAt390px_FuriganaOnNames_EasyRefusalKeepsTheForm_AxeFindsNothing_InChromium()
    {
        RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await (await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, Locale = "ja-JP", IsMobile = true, HasTouch = true,
        })).NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync($"{_base}/subscribe?easy=1");
        await page.FillAsync("input[name='Email']", "obaachan@example.jp");
        // The summary of all six categories, each with furigana, wraps (it ran 756 px wide: no break between rubies).
        Assert.Equal(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        // …and breaks between the names, never inside one (防犯情/報 split the furigana from its kanji).
        Assert.Equal(0, await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('#summary-categories ruby, #summary-categories .word')]
                  .filter(e => new Set([...e.getClientRects()].map(r => Math.round(r.top))).size !== 1).length
            """));
        var kiso = page.Locator("details[data-station='kiso']");
        await Assertions.Expect(kiso.Locator("summary rt")).ToHaveTextAsync("きそけいさつしょ");
        await kiso.Locator("summary").ClickAsync();
        await Assertions.Expect(kiso.Locator("label:has(input[value='王滝村']) rt")).ToHaveTextAsync("おうたきむら");
        await kiso.Locator("input[name='Stations']").ClickAsync(); // 「すべて」: one tap
        // The live summary copies the name as shown, furigana included (not "木曽警察署きそけいさつしょ").
        await Assertions.Expect(page.Locator("#summary-areas rt")).ToHaveTextAsync("きそけいさつしょ");
        await Assertions.Expect(page.Locator("#summary-areas")).ToContainTextAsync("（すべて）");
        foreach (var box in await page.Locator("input[name='Categories']").AllAsync()) await box.UncheckAsync();
        await Assertions.Expect(page.Locator("#summary-categories rt")).ToHaveCountAsync(1); // （まだ 選んでいません）
        await page.ClickAsync("button[type=submit].primary");
        var error = page.Locator(".validation-summary-errors li");
        await Assertions.Expect(error).ToContainTextAsync("を 1つ");
        await Assertions.Expect(error.Locator("rt").Nth(2)).ToHaveTextAsync("じょうほう");
        await Assertions.Expect(page.Locator("input[name='Email']")).ToHaveValueAsync("obaachan@example.jp");
        await Assertions.Expect(page.Locator("details[data-station='kiso'] input[name='Stations']")).ToBeCheckedAsync();
        Assert.Equal(0, _app.Smtp.Accepted.Count(m => m.To.Mailboxes.Any(x => x.Address == "obaachan@example.jp")));
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Wcag22AA] },
        });
        Assert.NotEmpty(result.Passes); // axe ran on the page
        Assert.True(!result.Violations.Any(), string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) {v.Help}: " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)))));
        Assert.Equal(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
    }
}
