using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using static AnshinMail.Web.Tests.ChromiumBrowser;

namespace AnshinMail.Web.Tests;

/// <summary>
/// The main path in real Chromium (Debian's, driven by Playwright; no browser is downloaded): sign in,
/// write a child-safety draft with preview and findings, approve as distributor, send, watch the
/// progress reach 100 %, find it in the ledger, download the CSV. A screenshot of each main page is
/// saved under artifacts/screenshots. Without /usr/bin/chromium the test is skipped with the reason,
/// except when ANSHIN_REQUIRE_BROWSER=1 (set by .ci/run), where it fails.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserTests : IAsyncLifetime
{
    private readonly WebApp _app = new();
    private readonly string _shots = Path.Combine(FindRoot(), "artifacts", "screenshots");
    private string _base = "";

    public Task InitializeAsync()
    {
        // Small batches on one connection, so that the brake is seen between two batches of one alert.
        _app.Settings["AnshinMail:Delivery:BatchSize"] = "3";
        _app.Settings["AnshinMail:Delivery:Connections"] = "1";
        var port = AnshinMail.Rules.Tests.Delivery.Ports.Next();
        _app.UseKestrel(port);
        _app.StartServer();
        _base = $"http://localhost:{port}";
        Directory.CreateDirectory(_shots);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task WriteApproveSendLedgerCsv_InChromium()
    {
        RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, AcceptDownloads = true, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);

        await SignIn(page, "demo-staff");
        await Shot(page, "home");
        await WriteDraft(page, "声かけ事案の発生（ブラウザ）");
        // The live preview (local script) follows the typing without a click.
        await Assertions.Expect(page.Locator("#preview .subject")).ToContainTextAsync("声かけ事案の発生（ブラウザ）", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("情報配信者");
        await Shot(page, "draft-preview");
        await page.ClickAsync("button:has-text('保存する')");
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/drafts/\d+$"));
        }
        catch (TimeoutException)
        {
            await Shot(page, "failed-save");
            throw;
        }
        var draftUrl = page.Url;
        await page.ClickAsync("button:has-text('承認者に提出する')");
        await SignOut(page);

        await SignIn(page, "demo-head");
        await page.GotoAsync(draftUrl);
        foreach (var box in await page.Locator("#approve input[name='Confirmations']").AllAsync()) await box.CheckAsync();
        await Shot(page, "approve");
        await page.ClickAsync("#approve button[type=submit]");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("承認しました");
        await page.CheckAsync("#send input[name='Rechecked']");
        await page.ClickAsync("#send button[type=submit]");
        await Assertions.Expect(page.Locator("#percent")).ToHaveTextAsync("100", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("配信完了");
        await Shot(page, "alert-progress");

        await page.GotoAsync($"{_base}/ledger");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("声かけ事案の発生（ブラウザ）");
        await Shot(page, "ledger");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv"));
        var path = Path.Combine(_shots, "..", "ledger.csv");
        await download.SaveAsAsync(path);
        Assert.Contains("声かけ事案の発生（ブラウザ）", await File.ReadAllTextAsync(path));
        Assert.Contains(_app.Smtp.Accepted, m => m.Subject?.Contains("（ブラウザ）") == true);

        await page.GotoAsync($"{_base}/dashboard");
        await Assertions.Expect(page.Locator("#alerts-chart")).ToBeVisibleAsync();
        await Shot(page, "dashboard");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{_base}/");
        await Shot(page, "home-phone");
        await SignOut(page);

        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"{_base}/alerts");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("声かけ事案の発生（ブラウザ）");
        await Shot(page, "public-archive");
        await page.GotoAsync($"{_base}/subscribe");
        await Shot(page, "subscribe");
        await SignIn(page, "demo-admin");
        await page.GotoAsync($"{_base}/admin/accounts");
        await Shot(page, "admin-accounts");
        await page.GotoAsync($"{_base}/admin/audit");
        await Shot(page, "admin-audit");
    }

    /// <summary>
    /// Every form control on the staff and resident pages has a label a screen reader announces and a
    /// click target (its <c>labels</c> in the DOM, or aria-label / aria-labelledby / title); every page
    /// says it is Japanese, has a title, and gives its images an alt text.
    /// </summary>
    [SkippableFact]
    public async Task EveryControlLabelled_EveryPageJapaneseWithTitle_InChromium()
    {
        RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await (await browser.NewContextAsync(new() { Locale = "ja-JP" })).NewPageAsync();
        page.SetDefaultTimeout(120_000);
        var unlabelled = new List<string>();
        async Task Check(params string[] paths)
        {
            foreach (var path in paths)
            {
                await page.GotoAsync($"{_base}{path}");
                var missing = await page.EvaluateAsync<string[]>("""
                    () => Array.from(document.querySelectorAll('input, select, textarea'))
                      .filter(e => !['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type))
                      .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                                   && !e.getAttribute('aria-labelledby') && !e.title)
                      .map(e => `${e.tagName.toLowerCase()}[name=${e.name}]`)
                      .concat(document.documentElement.lang === 'ja' ? [] : ['html without lang="ja"'])
                      .concat(document.title.trim() ? [] : ['no <title>'])
                      .concat(Array.from(document.querySelectorAll('img:not([alt])')).map(i => `img without alt: ${i.src}`))
                    """);
                unlabelled.AddRange(missing.Select(m => $"{path}: {m}"));
            }
        }

        await Check("/account/signin", "/subscribe", "/alerts", "/poster");
        // A resident's own settings page, by the personal link in a demo alert's mail.
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            while (_app.Smtp.Accepted.IsEmpty) await Task.Delay(50, guard.Token);
        var text = Assert.IsType<MimeKit.TextPart>(_app.Smtp.Accepted.First().Body).Text;
        var manage = System.Text.RegularExpressions.Regex.Match(text, @"/subscribe/manage/[^\s]+").Value;
        Assert.NotEmpty(manage);
        await Check(manage);
        Assert.True(await page.Locator("input[type=checkbox]").CountAsync() > 0, "the settings form was not on the page");
        await SignIn(page, "demo-staff");
        await Check("/", "/drafts/new", "/requests/new", "/ledger", "/dashboard", "/abnormality", "/account/password");
        await page.GotoAsync($"{_base}/ledger");
        var entry = await page.Locator("table a[href^='/ledger/']").First.GetAttributeAsync("href");
        await Check(entry!);
        await WriteDraft(page, "ラベル確認");
        await page.ClickAsync("button:has-text('保存する')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/drafts/\d+$"));
        var draft = new Uri(page.Url).AbsolutePath;
        await Check(draft, draft + "/edit");
        await page.GotoAsync($"{_base}{draft}");
        await page.ClickAsync("button:has-text('承認者に提出する')");
        await SignOut(page);
        await SignIn(page, "demo-head");
        await Check(draft); // the approval form: confirmations, distributor absent, reason for rejection
        Assert.True(await page.Locator("#approve input[name='Confirmations']").CountAsync() > 0, "the approval form was not on the page");
        await SignOut(page);
        await SignIn(page, "demo-admin");
        await Check("/admin/accounts", "/admin/audit", "/admin/organisations", "/ledger/retention");
        Assert.True(unlabelled.Count == 0, "controls without a label, pages without lang or title, images without alt:\n" + string.Join("\n", unlabelled));
    }

    /// <summary>
    /// Y9.3, Y11.2, Y11.3 clicked through: send → resolve; send (relay down) → stop → correct; at night,
    /// schedule → cancel (fixed clock). Each ends on the page that says what happened.
    /// </summary>
    [SkippableFact]
    public async Task ResolveStopCorrectAndCancel_InChromium()
    {
        RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await (await browser.NewContextAsync(new() { Locale = "ja-JP" })).NewPageAsync();
        page.SetDefaultTimeout(120_000);

        // send → resolve
        var sent = await Release(page, "解除まで（ブラウザ）");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("配信完了", new() { Timeout = 120_000 });
        await SignOut(page);
        await SignIn(page, "demo-staff"); // the writer of the resolution is not its approver
        await page.GotoAsync(sent);
        await page.ClickAsync("#follow-up button[value='Resolution']");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/drafts/\d+/edit$"));
        await page.ClickAsync("button:has-text('保存する')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/drafts/\d+$"));
        var resolution = page.Url;
        await SignOut(page);
        await SignIn(page, "demo-head");
        await Approve(page, resolution);
        await page.CheckAsync("#send input[name='Rechecked']");
        await page.ClickAsync("#send button[type=submit]");
        await page.GotoAsync(sent);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("解除済み");
        await Shot(page, "resolved");

        // send → stop (the relay holds the second message until the brake is pulled) → correct to those who got it
        await SignOut(page);
        using var gate = new ManualResetEventSlim(false);
        var ours = 0;
        _app.Smtp.OnAccepted = _ =>
        {
            var ofThisAlert = _app.Smtp.Accepted.Last().Subject?.Contains("停止する配信") == true;
            if (ofThisAlert && Interlocked.Increment(ref ours) == 2) gate.Wait(TimeSpan.FromMinutes(2));
        };
        await Release(page, "停止する配信（ブラウザ）");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("配信中");
        await page.FillAsync("form:has(button:has-text('配信を停止する')) textarea[name='Reason']", "本文に誤り");
        await page.ClickAsync("button:has-text('配信を停止する')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("配信停止");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("本文に誤り");
        gate.Set(); // the batch in hand finishes; the next one sees the brake
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            do
            {
                await Task.Delay(200, guard.Token);
                await page.ReloadAsync();
            }
            while (await page.Locator("#delivered").TextContentAsync() == "0");
        await Shot(page, "stopped");
        await page.ClickAsync("#follow-up button[value='Correction']");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/drafts/\d+/edit$"));
        await SignOut(page);
        _app.Smtp.OnAccepted = null;

        // at night: schedule → cancel
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 10, 0, TimeSpan.FromHours(9)));
        await Release(page, "予約を取り消す配信（ブラウザ）");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("配信予約");
        await page.FillAsync("form:has(button:has-text('予約を取り消す')) textarea[name='Reason']", "日付の誤り");
        await page.ClickAsync("button:has-text('予約を取り消す')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("予約取消");
        await Shot(page, "cancelled");
    }

    /// <summary>
    /// Y9.4 ただし書き, Y9.3, clicked through once in Chromium at 23:30 on a Friday: the draft approved by day waits;
    /// the duty officer records the 署長's judgement by phone with the four conditions and sends; the alert goes
    /// out as an emergency; the 署長's home page owes the confirmation, and confirming it clears it.
    /// </summary>
    [SkippableFact]
    public async Task Y9_4_EmergencyOnTheDistributorsJudgementAt2330_InChromium()
    {
        RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await (await browser.NewContextAsync(new() { Locale = "ja-JP" })).NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await SignIn(page, "demo-staff");
        await WriteDraft(page, "夜間の声かけ事案（ブラウザ）");
        await page.ClickAsync("button:has-text('保存する')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/drafts/\d+$"));
        var draft = page.Url;
        await SignOut(page);
        await SignIn(page, "demo-head");
        await Approve(page, draft);
        await SignOut(page);

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.FromHours(9)));
        await SignIn(page, "demo-duty");
        await page.GotoAsync(draft);
        var form = page.Locator("#emergency-judged");
        await page.SelectOptionAsync("#emergency-judged select[name='JudgeId']", "demo-head");
        await form.Locator("input[name='Means'][value='Phone']").CheckAsync();
        await form.Locator("input[name='JudgedAt']").FillAsync("2026-11-27T23:25");
        foreach (var box in await form.Locator("input[name='Conditions']").AllAsync()) await box.CheckAsync();
        await form.Locator("input[name='Rechecked']").CheckAsync();
        await Shot(page, "night-judgement");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/sent/\d+$"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("情報配信者の判断により緊急配信を開始しました");
        await SignOut(page);

        await SignIn(page, "demo-head");
        var owed = page.Locator("tr:has-text('当直 次郎（当直責任者）')");
        await Assertions.Expect(owed).ToContainTextAsync("電話 2026年11月27日（金）23:25");
        await Shot(page, "night-confirmation-owed");
        await owed.Locator("button:has-text('判断どおりと確認した')").ClickAsync();
        await page.GotoAsync($"{_base}/");
        await Assertions.Expect(page.Locator("section:has(h2:has-text('未確認の緊急配信'))"))
            .ToContainTextAsync("ありません");
    }

    /// <summary>demo-staff writes and submits, demo-head approves and sends; returns the alert page, where the page stays.</summary>
    private async Task<string> Release(IPage page, string headline)
    {
        await SignIn(page, "demo-staff");
        await WriteDraft(page, headline);
        await page.ClickAsync("button:has-text('保存する')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/drafts/\d+$"));
        var draft = page.Url;
        await page.ClickAsync("button:has-text('承認者に提出する')");
        await SignOut(page);
        await SignIn(page, "demo-head");
        await Approve(page, draft);
        await page.CheckAsync("#send input[name='Rechecked']");
        await page.ClickAsync("#send button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/sent/\d+$"));
        return page.Url;
    }

    private static async Task Approve(IPage page, string draftUrl)
    {
        await page.GotoAsync(draftUrl);
        foreach (var box in await page.Locator("#approve input[name='Confirmations']").AllAsync()) await box.CheckAsync();
        await page.ClickAsync("#approve button[type=submit]");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("承認しました");
    }



    /// <summary>Fills the draft form with a child-safety case (not saved).</summary>
    private async Task WriteDraft(IPage page, string headline)
    {
        await page.GotoAsync($"{_base}/drafts/new");
        await page.SelectOptionAsync("select[name='Form.CategoryId']", "child-safety");
        await page.FillAsync("input[name='Form.Headline']", headline);
        await page.FillAsync("input[name='Form.Place']", "長野市大字鶴賀地籍の路上");
        await page.FillAsync("textarea[name='Form.WhatHappened']", "下校中の女子児童が、男から声をかけられる事案が発生しました。");
        await page.FillAsync("input[name='Form.VictimAge']", "10");
        await page.SelectOptionAsync("select[name='Form.VictimSex']", "Female");
    }

    private async Task SignIn(IPage page, string user)
    {
        await page.GotoAsync($"{_base}/account/signin");
        await page.FillAsync("input[name='UserId']", user);
        await page.FillAsync("input[name='Password']", "anshin-demo-2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ホーム");
    }

    private static async Task SignOut(IPage page)
    {
        await page.ClickAsync("header .signout button");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ログイン");
    }

    private Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(_shots, name + ".png"), FullPage = true });


    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AnshinMail.sln"))) return dir.FullName;
        return Path.GetTempPath();
    }
}
