using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>
/// The resident pages (sign-up, settings, unsubscribe) in two languages: ordinary Japanese, and やさしい日本語
/// (plain words, furigana for kanji beyond grade 2) chosen by <c>?easy=1</c>, which every form and link of the
/// flow keeps (a form without action posts back to its own URL, query included).
/// </summary>
public abstract partial class ResidentPageModel : PageModel
{
    public const string EasyKey = "easy";

    /// <summary>やさしい日本語 was chosen.</summary>
    public bool Easy => Request.Query[EasyKey] == "1";

    /// <summary>Route values that keep the language on links and redirects.</summary>
    public object? Language => Easy ? new { easy = "1" } : null;

    /// <summary>As the app's Razor encoder: Japanese stays readable, markup characters are escaped.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The text in the chosen language; in the easy text <c>{漢字|かんじ}</c> becomes ruby.</summary>
    public IHtmlContent Say(string plain, string easy) => Easy ? Ruby(easy) : new HtmlString(Encoder.Encode(plain));

    /// <summary><c>{漢字|かんじ}</c> as &lt;ruby&gt;; everything else escaped (the texts are ours, never user
    /// text).</summary>
    public static IHtmlContent Ruby(string text) => new HtmlString(RubyMark().Replace(Encoder.Encode(text),
        m => $"<ruby>{m.Groups[1].Value}<rp>（</rp><rt>{m.Groups[2].Value}</rt><rp>）</rp></ruby>"));

    [GeneratedRegex(@"\{([^|{}]+)\|([^|{}]+)\}")]
    private static partial Regex RubyMark();
}
