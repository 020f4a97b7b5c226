using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Templates;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>
/// The resident pages (sign-up, settings, unsubscribe) in two languages: ordinary Japanese, and やさしい日本語
/// (plain words, furigana for kanji beyond grade 2) chosen by <c>?easy=1</c>, which every form and link of the
/// flow keeps (a form without action posts back to its own URL, query included).
/// </summary>
public abstract class ResidentPageModel : PageModel
{
    public const string EasyKey = "easy";

    /// <summary>The refusals this request showed, with their easy words (null: the library's words).</summary>
    private readonly Dictionary<string, string?> _refusals = [];

    /// <summary>やさしい日本語 was chosen.</summary>
    public bool Easy => Request.Query[EasyKey] == "1";

    /// <summary>Route values that keep the language on links and redirects.</summary>
    public object? Language => Easy ? new { easy = "1" } : null;

    /// <summary>The <c>easy</c> route value for a form's action (<c>asp-route-easy</c>): "1" on the easy page, null
    /// (left out) on the ordinary one. A form with <c>asp-page-handler</c> has an action of its own, which does not
    /// carry the page's query, so it must name the language itself.</summary>
    public string? EasyRoute => Easy ? "1" : null;

    /// <summary>The language of the mails this page sends (confirmation, address change): the page's.</summary>
    public NoticeLanguage MailLanguage => Easy ? NoticeLanguage.Easy : NoticeLanguage.Ordinary;

    /// <summary>The text in the chosen language; in the easy text <c>{漢字|かんじ}</c> becomes ruby.</summary>
    public IHtmlContent Say(string plain, string easy) =>
        Easy ? Furigana.Marked(easy) : new HtmlString(Furigana.Encoder.Encode(plain));

    /// <summary>As <see cref="Say(string, string)"/>, with <c>{0}</c> in both texts replaced by data (an address,
    /// a domain), which is encoded and never read for furigana marks.</summary>
    public IHtmlContent Say(string plain, string easy, string data) => Easy ? Furigana.Marked(easy, data)
        : new HtmlString(Furigana.Encoder.Encode(plain.Replace("{0}", data, StringComparison.Ordinal)));

    /// <summary><c>{漢字|かんじ}</c> as &lt;ruby&gt;; everything else escaped (the texts are ours, never user
    /// text).</summary>
    public static IHtmlContent Ruby(string text) => Furigana.Marked(text);

    /// <summary>A refusal shown on the form (under <paramref name="key"/>), in easy words on the easy page.
    /// </summary>
    protected void Refuse(PolicyRefusedException refusal, string key = "")
    {
        foreach (var f in refusal.Findings)
        {
            _refusals[f.Message] = EasyRefusals.For(f.Code);
            ModelState.AddModelError(key, f.Message);
        }
    }

    /// <summary>The words of a refusal, in the chosen language.</summary>
    public IHtmlContent RefusalText(PolicyRefusedException refusal)
    {
        var text = new HtmlContentBuilder();
        foreach (var f in refusal.Findings)
        {
            if (text.Count > 0) text.Append(" ");
            text.AppendHtml(Easy && EasyRefusals.For(f.Code) is { } easy ? Furigana.Marked(easy)
                : new HtmlString(Furigana.Encoder.Encode(f.Message)));
        }
        return text;
    }

    /// <summary>The form's errors in easy words: all of them, or those of one field.</summary>
    public IReadOnlyList<IHtmlContent> EasyErrors(string? key = null) => ModelState
        .Where(e => key is null || e.Key == key)
        .SelectMany(e => e.Value?.Errors ?? [])
        .Select(e => EasyError(e.ErrorMessage))
        .ToList();

    /// <summary>
    /// An error on the easy page: a refusal in its easy words, a check of the page's own in its easy words, and a
    /// value the form could not read (only a tampered form sends one) in one easy sentence that names no input.
    /// </summary>
    private IHtmlContent EasyError(string message) =>
        _refusals.TryGetValue(message, out var refusal)
            ? refusal is null ? new HtmlString(Furigana.Encoder.Encode(message)) : Furigana.Marked(refusal)
            : Furigana.Marked(EasyRefusals.ForCheck(message) ?? EasyRefusals.Unreadable);
}
