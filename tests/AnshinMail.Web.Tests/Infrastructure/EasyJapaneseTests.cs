using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Web.Tests.Pages.Public;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Issue 16 (T5): やさしい日本語 on the sign-up, settings and unsubscribe pages: every kanji beyond grade 2 carries
/// furigana (ruby). Names from the policy book (categories, stations, areas) carry the book's reading as ruby; a name
/// without one (the system's name; marked data-book) is shown as written; the link back to ordinary Japanese is in
/// ordinary Japanese. What a resident typed stays data: it is never read for furigana marks.
/// </summary>
public sealed partial class EasyJapaneseTests : IAsyncLifetime
{
    /// <summary>The 240 kanji taught in grades 1 and 2 (学年別漢字配当表).</summary>
    private const string Grade1And2 =
        "一右雨円王音下火花貝学気九休玉金空月犬見五口校左三山子四糸字耳七車手十出女小上森人水正生青夕石赤千川先早草足村大男竹中虫町天田土二日入年白八百文木本名目立力林六"
        + "引羽雲園遠何科夏家歌画回会海絵外角楽活間丸岩顔汽記帰弓牛魚京強教近兄形計元言原戸古午後語工公広交光考行高黄合谷国黒今才細作算止市矢姉思紙寺自時室社弱首秋週春書少場色食心新親図数西声星晴切雪船線前組走多太体台地池知茶昼長鳥朝直通弟店点電刀冬当東答頭同道読内南肉馬売買麦半番父風分聞米歩母方北毎妹万明鳴毛門夜野友用曜来里理話";

    private readonly WebApp _app = new(demo: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"<main>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex(@"<ruby>.*?</ruby>|<(\w+)[^>]*\bdata-book\b[^>]*>.*?</\1>|<p class=""language"">.*?</p>|<[^>]+>",
        RegexOptions.Singleline)]
    private static partial Regex Skipped();

    [Fact]
    public void T5_TheKanjiListHas240Kanji() => Assert.Equal(240, Grade1And2.Distinct().Count());

    [Fact]
    public async Task T5_EasyJapanesePagesHaveFuriganaForEveryKanjiBeyondGrade2()
    {
        var client = _app.Browser();
        var manage = await ResidentFlow.Registered(_app, client, "easy@example.jp");
        var token = manage.Split('/')[^1];
        var problems = new List<string>();
        foreach (var path in new[]
                 {
                     "/subscribe", manage, $"/unsubscribe/{token}", "/unsubscribe/done", "/unsubscribe/unknown",
                     "/subscribe/confirm/not-a-token", "/subscribe/start/not-a-token", "/subscribe/address/not-a-token",
                 })
        {
            var response = await client.GetAsync(path + "?easy=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<ruby>", html);
            var text = WebUtility.HtmlDecode(Skipped().Replace(MainElement().Match(html).Groups[1].Value, " "));
            var hard = text.Where(c => c is >= '\u4E00' and <= '\u9FFF' && !Grade1And2.Contains(c)).Distinct().ToList();
            if (hard.Count > 0) problems.Add($"{path}: {string.Concat(hard)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The choice of language is kept along the flow: the form posts back to its own URL (query
    /// included), and the settings page after a save, the unsubscribe page after deleting, are easy too.</summary>
    [Fact]
    public async Task T5_TheLanguageChoiceIsKeptAcrossTheFlow()
    {
        var client = _app.Browser();
        var subscribe = await client.GetStringAsync("/subscribe?easy=1");
        Assert.Contains("<form method=\"post\">", subscribe); // no action: posts to /subscribe?easy=1
        Assert.Contains("href=\"/subscribe\"", subscribe); // the way back to ordinary Japanese
        var sent = await (await client.PostForm("/subscribe?easy=1",
            new() { ["Email"] = "flow@example.jp", ["Categories"] = "child-safety", ["Areas"] = "長野市北部" },
            formPage: "/subscribe")).Content.ReadAsStringAsync();
        Assert.Contains("<ruby>確認<rp>（</rp><rt>かくにん</rt>", sent);
        var manage = await ResidentFlow.Registered(_app, client, "flow2@example.jp");
        var saved = await client.PostForm(manage + "?easy=1&handler=Save",
            new() { ["Categories"] = "notice", ["Areas"] = "松本市" }, formPage: manage + "?easy=1");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("easy=1", saved.Headers.Location?.ToString());
        var deleted = await client.PostForm(manage + "?easy=1&handler=Delete", [], formPage: manage + "?easy=1");
        Assert.Equal("/unsubscribe/done?easy=1", deleted.Headers.Location?.ToString());
        Assert.Contains("<ruby>", await client.GetStringAsync("/unsubscribe/done?easy=1"));
    }

    /// <summary>T5: the settings page's forms post where the page says, and a browser posts to the form's action:
    /// on the easy page every action keeps easy=1, so a refusal (a bad new address) comes back in easy words, not
    /// in ordinary Japanese.</summary>
    [Fact]
    public async Task T5_EasySettings_EveryFormPostsBackToTheEasyPage()
    {
        var client = _app.Browser();
        var manage = await ResidentFlow.Registered(_app, client, "actions@example.jp");
        var page = await client.GetStringAsync(manage + "?easy=1");
        var actions = FormAction().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(a => a.StartsWith(manage, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, actions.Count); // Save, Address, Delete
        Assert.All(actions, a => Assert.Contains("easy=1", a));
        var refused = await (await client.PostForm(actions.Single(a => a.Contains("handler=Address")),
            new() { ["NewEmail"] = "bad" }, formPage: manage + "?easy=1")).Content.ReadAsStringAsync();
        Assert.Contains("<ruby>", MainElement().Match(refused).Value);
        Assert.DoesNotContain("メールアドレスの形式が正しくありません。", refused);
    }

    /// <summary>T5: quiet hours the page cannot read as a time (a phone without a time picker sends what was typed,
    /// 「22時」) are refused, in easy words and keeping what was typed, on sign-up and on the settings page; they are
    /// neither dropped silently («設定を変えました» with no quiet hours) nor do they erase the saved ones.</summary>
    [Fact]
    public async Task T5_UnreadableQuietHours_AreRefused_NotDroppedSilently()
    {
        var client = _app.Browser();
        var signup = await client.PostForm("/subscribe?easy=1", new()
        {
            ["Email"] = "quiet@example.jp", ["Categories"] = "child-safety", ["Areas"] = "長野市北部",
            ["QuietFrom"] = "22時", ["QuietTo"] = "7時",
        }, formPage: "/subscribe?easy=1");
        var page = await signup.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, signup.StatusCode);
        Assert.DoesNotContain("<ruby>確認<rp>（</rp><rt>かくにん</rt><rp>）</rp></ruby>の メールを", page);
        Assert.Contains(Ruby("時刻", "じこく"), page);
        Assert.Contains("value=\"22時\"", page);

        var manage = await ResidentFlow.Registered(_app, client, "quiet2@example.jp");
        await client.PostForm(manage + "?easy=1&handler=Save", new()
        {
            ["Categories"] = "child-safety", ["Areas"] = "長野市北部", ["QuietFrom"] = "21:00", ["QuietTo"] = "06:30",
        }, formPage: manage + "?easy=1");
        var refused = await client.PostForm(manage + "?easy=1&handler=Save", new()
        {
            ["Categories"] = "child-safety", ["Areas"] = "長野市北部", ["QuietFrom"] = "夜", ["QuietTo"] = "朝",
        }, formPage: manage + "?easy=1");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Ruby("時刻", "じこく"), await refused.Content.ReadAsStringAsync());
        Assert.Contains("21:00", await client.GetStringAsync(manage + "?easy=1")); // the saved ones kept
    }

    [GeneratedRegex(@"<form method=""post""[^>]*\baction=""([^""]*)""")]
    private static partial Regex FormAction();

    [GeneratedRegex(@"<p class=""language"">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex LanguageLink();

    [GeneratedRegex(@"<rp>.*?</rp>|<rt>.*?</rt>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex TagsAndReadings();

    [GeneratedRegex(@"\{([^|{}]+)\|[^|{}]+\}")]
    private static partial Regex FuriganaMark();

    /// <summary>The text a reader sees without the furigana, whitespace removed.</summary>
    private static string Seen(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(TagsAndReadings().Replace(html, "")), @"\s+", "");

    private static string Ruby(string text, string reading) =>
        $"<ruby>{text}<rp>（</rp><rt>{reading}</rt><rp>）</rp></ruby>";

    /// <summary>T5: the book's readings are furigana over its names on the easy page (over the kanji only:
    /// お知らせ, 山ノ内町), in the form, its summary and the settings page's summary; the ordinary page has none.
    /// </summary>
    [Fact]
    public async Task T5_EasyPages_ShowTheBooksReadingsOverCategoryStationAndAreaNames_OrdinaryPagesDoNot()
    {
        var client = _app.Browser();
        var easy = await client.GetStringAsync("/subscribe?easy=1&station=omachi");
        Assert.Contains(Ruby("小谷村", "おたりむら"), easy);
        Assert.Contains(Ruby("泰阜村", "やすおかむら"), easy);
        Assert.Contains(Ruby("阿南町", "あなんちょう"), easy);
        Assert.Contains(Ruby("山", "やま") + "ノ" + Ruby("内町", "うちまち"), easy);
        Assert.Contains(Ruby("駒ヶ根警察署", "こまがねけいさつしょ"), easy);
        Assert.Contains("お" + Ruby("知", "し") + "らせ" + Ruby("情報", "じょうほう"), easy);
        var summary = Regex.Match(easy, "<dd id=\"summary-areas\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(Ruby("大町警察署", "おおまちけいさつしょ") + "（すべて）", summary); // from ?station=omachi
        var ordinary = LanguageLink().Replace(await client.GetStringAsync("/subscribe?station=omachi"), "");
        Assert.DoesNotContain("<ruby>", ordinary);
        Assert.Contains("大町警察署管内すべて", ordinary);
        var manage = await ResidentFlow.Registered(_app, client, "names@example.jp"); // 子供安全情報, 長野市北部
        var settings = await client.GetStringAsync(manage + "?easy=1");
        var current = Regex.Match(settings, "<section class=\"summary\" id=\"current\">(.*?)</section>",
            RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(Ruby("子供安全情報", "こどもあんぜんじょうほう"), current);
        Assert.Contains(Ruby("長野市北部", "ながのしほくぶ"), current);
        Assert.DoesNotContain("<ruby>", LanguageLink().Replace(await client.GetStringAsync(manage), ""));
    }

    /// <summary>T5: each category's easy definition from the book (its furigana as ruby) on the easy page, instead of
    /// the circular's definition, which the ordinary page keeps.</summary>
    [Fact]
    public async Task T5_EasyPage_ShowsEachCategorysEasyDefinition_OrdinaryPageTheCircularsDefinition()
    {
        var client = _app.Browser();
        var easy = await client.GetStringAsync("/subscribe?easy=1");
        var ordinary = await client.GetStringAsync("/subscribe");
        var book = _app.Services.GetRequiredService<PolicyBook>();
        Assert.Equal(6, book.Categories.Count);
        foreach (var c in book.Categories)
        {
            var words = FuriganaMark().Replace(c.EasyDefinition!, "$1").Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains(words, Seen(easy));
            Assert.DoesNotContain(c.Definition, easy);
            Assert.Contains(c.Definition, ordinary);
            Assert.DoesNotContain(words, Seen(ordinary));
        }
        Assert.Contains(Ruby("地震", "じしん"), easy);
    }

    /// <summary>T5: a refusal on the easy page is in easy words, and nothing typed is lost.</summary>
    [Fact]
    public async Task T5_EasyRefusal_IsInEasyWords_AndKeepsWhatWasTyped()
    {
        var client = _app.Browser();
        var page = await (await client.PostForm("/subscribe?easy=1", new()
        {
            ["Email"] = "grandma@example.jp",
            ["Areas"] = "小谷村",
            ["QuietFrom"] = "21:00",
            ["QuietTo"] = "06:00",
        }, formPage: "/subscribe?easy=1")).Content.ReadAsStringAsync();
        Assert.Contains("<li>" + Ruby("受", "う") + "け" + Ruby("取", "と") + "る "
            + Ruby("情報", "じょうほう") + "を 1つ" + Ruby("以上", "いじょう"), page);
        Assert.DoesNotContain("受け取る情報種別を1つ以上選んでください", page);
        Assert.Contains("value=\"grandma@example.jp\"", page);
        Assert.Contains("value=\"小谷村\" checked=\"checked\"", page);
        Assert.Contains("value=\"21:00\"", page);
        Assert.Contains("<form method=\"post\">", page); // posts back to /subscribe?easy=1
        var empty = await (await client.PostForm("/subscribe?easy=1", new() { ["Email"] = "" },
            formPage: "/subscribe?easy=1")).Content.ReadAsStringAsync();
        Assert.Contains("<li>メールアドレスを " + Ruby("入", "い") + "れてください。</li>", empty);
        var ordinary = await (await client.PostForm("/subscribe", new() { ["Email"] = "grandma@example.jp" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("受け取る情報種別を1つ以上選んでください。", ordinary);
    }

    /// <summary>T5: the address form of the easy settings page refuses in easy words beside the field, and keeps
    /// what was typed.</summary>
    [Fact]
    public async Task T5_EasySettings_AddressRefusalIsInEasyWords()
    {
        var client = _app.Browser();
        var manage = await ResidentFlow.Registered(_app, client, "same@example.jp");
        var page = await (await client.PostForm(manage + "?easy=1&handler=Address",
            new() { ["NewEmail"] = "same@example.jp" }, formPage: manage + "?easy=1")).Content.ReadAsStringAsync();
        Assert.Contains("<li>" + Ruby("今", "いま") + "の メールアドレスと " + Ruby("同", "おな") + "じです。</li>", page);
        Assert.DoesNotContain("今のメールアドレスと同じです。", page);
        Assert.Contains("value=\"same@example.jp\"", page);
    }

    /// <summary>T5, as an attacker: markup and furigana marks typed into a form stay data on the easy pages. An
    /// address may hold { | } (RFC 5322 atext), so one that looks like a mark is shown as typed, never as ruby.
    /// </summary>
    [Fact]
    public async Task T5_TypedMarksAndMarkup_StayData_OnTheEasyPages()
    {
        var client = _app.Browser();
        var typed = await (await client.PostForm("/subscribe?easy=1",
            new() { ["Email"] = "{悪|わる}<b>x</b>@example.jp", ["Categories"] = "notice", ["Areas"] = "栄村" },
            formPage: "/subscribe?easy=1")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<rt>わる</rt>", typed);
        Assert.DoesNotContain("<b>x</b>", typed);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;@example.jp", typed); // kept in the field, encoded
        var manage = await ResidentFlow.Registered(_app, client, "marks@example.jp");
        var asked = await client.PostForm(manage + "?easy=1&handler=Address",
            new() { ["NewEmail"] = "{a|b}@example.jp" }, formPage: manage + "?easy=1");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var settings = await client.GetStringAsync(manage + "?easy=1");
        Assert.Contains("{a|b}@example.jp に " + Ruby("変", "か") + "える", settings);
        Assert.DoesNotContain("<rt>b</rt>", settings);
        var link = ResidentFlow.AddressChangeLink(_app, "{a|b}@example.jp");
        var done = await (await client.PostForm(link + "?easy=1", [], formPage: link + "?easy=1"))
            .Content.ReadAsStringAsync();
        Assert.Contains("{a|b}@example.jp に " + Ruby("変", "か") + "えました", done);
        Assert.DoesNotContain("<rt>b</rt>", done);
    }

    /// <summary>T5: signing up or changing the address on the easy pages mails the easy notice, whose link opens the
    /// easy page; the ordinary pages mail the ordinary one.</summary>
    [Fact]
    public async Task T5_EasyPages_MailTheEasyNotice_WithALinkToTheEasyPage()
    {
        var client = _app.Browser();
        await client.PostForm("/subscribe?easy=1",
            new() { ["Email"] = "easy-mail@example.jp", ["Categories"] = "disaster", ["Areas"] = "売木村" },
            formPage: "/subscribe?easy=1");
        var mail = ResidentFlow.MailTo(_app, "easy-mail@example.jp")!;
        Assert.Contains("登録（とうろく）の 確認（かくにん）", mail.Subject);
        var link = Regex.Match(mail.TextBody ?? "", @"https?://[^/\s]+(/subscribe/confirm/\S+)").Groups[1].Value;
        Assert.EndsWith("?easy=1", link);
        Assert.Contains(Ruby("登録", "とうろく") + "を " + Ruby("完了", "かんりょう") + "する", await client.GetStringAsync(link));
        var manage = await ResidentFlow.Registered(_app, client, "plain-mail@example.jp");
        Assert.EndsWith("】登録の確認", ResidentFlow.MailTo(_app, "plain-mail@example.jp")!.Subject);
        await client.PostForm(manage + "?easy=1&handler=Address", new() { ["NewEmail"] = "moved@example.jp" },
            formPage: manage + "?easy=1");
        var change = ResidentFlow.MailTo(_app, "moved@example.jp")!;
        Assert.Contains("メールアドレスを 変（か）える 確認（かくにん）", change.Subject);
        Assert.Matches(@"/subscribe/address/\S+\?easy=1", change.TextBody ?? "");
    }

    [GeneratedRegex(@"<header>(.*)</header>", RegexOptions.Singleline)]
    private static partial Regex HeaderElement();

    private static List<char> HardKanji(string html) =>
        WebUtility.HtmlDecode(Skipped().Replace(html, " "))
            .Where(c => c is >= '\u4E00' and <= '\u9FFF' && !Grade1And2.Contains(c)).Distinct().ToList();

    [Fact]
    public async Task T5_TheHeaderOfAnEasyPageIsEasyToo_AndItsSignUpLinkStaysEasy()
    {
        var client = _app.Browser();
        var easy = HeaderElement().Match(await client.GetStringAsync("/subscribe?easy=1")).Groups[1].Value;
        Assert.Empty(HardKanji(easy));
        Assert.Contains("href=\"/subscribe?easy=1\"", easy);
        Assert.Contains("<ruby>", easy);

        var plain = HeaderElement().Match(await client.GetStringAsync("/subscribe")).Groups[1].Value;
        Assert.Contains(">メール登録</a>", plain);
        Assert.Contains(">職員ログイン</a>", plain);
        Assert.DoesNotContain("easy=1", plain);
        Assert.DoesNotContain("<ruby>", plain);
    }

    [Fact]
    public async Task T5_DuringADrill_AnEasyPageSaysItIsADrill_InEasyWords()
    {
        await using var drill = new WebApp(demo: false, drill: "2026-11-28T10:00:00+09:00");
        var client = drill.Browser();
        var easy = await client.GetStringAsync("/subscribe?easy=1");
        var banner = Regex.Match(easy, @"<p class=""drill-banner""[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<ruby>訓練", banner);
        Assert.Contains("おしらせでは ありません", banner);
        Assert.Empty(HardKanji(banner));
        var plain = await client.GetStringAsync("/subscribe");
        Assert.Contains("訓練モード：これは訓練です。", plain);
    }
}
