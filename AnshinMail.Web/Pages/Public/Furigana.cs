using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace AnshinMail.Web.Pages.Public;

/// <summary>
/// T5, やさしい日本語: furigana as &lt;ruby&gt;. Our own easy texts mark it <c>{漢字|かんじ}</c>; a name from the book
/// gets it from the book's reading, over its kanji only (お<ruby>知<rt>し</rt></ruby>らせ, not over the kana).
/// Everything is HTML-encoded first; text a resident typed never goes through the marks.
/// </summary>
public static partial class Furigana
{
    /// <summary>As the app's Razor encoder: Japanese stays readable, markup characters are escaped.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary><c>{漢字|かんじ}</c> as ruby, everything else encoded (for the app's and the book's texts).</summary>
    public static IHtmlContent Marked(string text) => new HtmlString(Mark().Replace(Encoder.Encode(text),
        m => Ruby(m.Groups[1].Value, m.Groups[2].Value)));

    /// <summary>Marked text with <c>{0}</c> replaced by <paramref name="data"/>, encoded and never read for marks
    /// (an address may hold <c>{</c>, <c>|</c> and <c>}</c>).</summary>
    public static IHtmlContent Marked(string text, string data) =>
        new HtmlString(Marked(text).ToString()!.Replace("{0}", Encoder.Encode(data), StringComparison.Ordinal));

    /// <summary>A book's name with its reading over the kanji; as written (marked <c>data-book</c>) without one.
    /// </summary>
    public static IHtmlContent Name(string name, string? reading)
    {
        if (string.IsNullOrEmpty(reading)) return new HtmlString($"<span data-book>{Encoder.Encode(name)}</span>");
        var runs = Runs(name);
        var pattern = string.Concat(runs.Select(r => r.Kana ? Regex.Escape(Hiragana(r.Text)) : "(.+?)"));
        var match = Regex.Match(reading, $"^{pattern}$", RegexOptions.None, TimeSpan.FromMilliseconds(100));
        if (!match.Success || runs.All(r => !r.Kana))
            return new HtmlString(Ruby(Encoder.Encode(name), Encoder.Encode(reading)));
        var html = new StringBuilder("<span class=\"word\">"); // one name: no line break inside it
        var group = 1;
        foreach (var run in runs)
            html.Append(run.Kana ? Encoder.Encode(run.Text)
                : Ruby(Encoder.Encode(run.Text), Encoder.Encode(match.Groups[group++].Value)));
        return new HtmlString(html.Append("</span>").ToString());
    }

    private static string Ruby(string text, string reading) =>
        $"<ruby>{text}<rp>（</rp><rt>{reading}</rt><rp>）</rp></ruby>";

    /// <summary>The name cut into runs of kana and of the rest (kanji, ヶ, 々 …), each read as one.</summary>
    private static List<(string Text, bool Kana)> Runs(string name)
    {
        var runs = new List<(string Text, bool Kana)>();
        foreach (var ch in name)
        {
            var kana = ch is >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FA' && ch != 'ヶ' && ch != 'ヵ';
            if (runs.Count > 0 && runs[^1].Kana == kana) runs[^1] = (runs[^1].Text + ch, kana);
            else runs.Add((ch.ToString(), kana));
        }
        return runs;
    }

    private static string Hiragana(string kana) =>
        string.Concat(kana.Select(ch => ch is >= '\u30A1' and <= '\u30F6' ? (char)(ch - 0x60) : ch));

    [GeneratedRegex(@"\{([^|{}]+)\|([^|{}]+)\}")]
    private static partial Regex Mark();
}
