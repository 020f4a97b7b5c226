using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Web.Tests.Pages.Public;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Issue 16 (T5): やさしい日本語 on the sign-up, settings and unsubscribe pages: every kanji beyond grade 2 carries
/// furigana (ruby). Names from the policy book (categories, stations, areas, the system's name; marked data-book)
/// are shown as written; the link back to ordinary Japanese is in ordinary Japanese.
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
}
