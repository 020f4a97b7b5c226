using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// How the app answered one bad input: what must never be seen (a 500, the exception page, a stack trace, an
/// English framework message), and whether it accepted the input or refused it with a message.
/// </summary>
public static partial class BadInputAnswer
{
    public const string BadRequestPage = "送信された内容を受け付けられませんでした";

    /// <summary>What a page says about the input: validation summary, field errors, blocking findings.</summary>
    public static List<string> Messages(string html)
    {
        var messages = new List<string>();
        foreach (Match summary in Summary().Matches(html))
            messages.AddRange(Item().Matches(summary.Groups[1].Value).Select(m => Text(m.Groups[1].Value)));
        messages.AddRange(FieldError().Matches(html).Select(m => Text(m.Groups[1].Value)));
        messages.AddRange(Block().Matches(html).Select(m => Text(m.Groups[1].Value)));
        messages.AddRange(ErrorParagraph().Matches(html).Select(m => Text(m.Groups[1].Value)));
        return messages.Where(m => m.Length > 0).ToList();
    }

    /// <summary>A message a Japanese reader understands: Japanese words, no framework default in English.</summary>
    public static bool IsJapanese(string message) => Japanese().IsMatch(message) && !English().IsMatch(message);

    /// <summary>What is wrong with a response whatever the input: the problems, in words, or none.</summary>
    public static IEnumerable<string> Broken(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.InternalServerError) yield return "500";
        if (body.Contains("Exception", StringComparison.Ordinal) || StackFrame().IsMatch(body))
            yield return "exception text in the page";
        if (body.Contains("処理中に問題が発生しました", StringComparison.Ordinal)) yield return "the error page";
        if (status == HttpStatusCode.BadRequest && !body.Contains(BadRequestPage, StringComparison.Ordinal))
            yield return "a 400 without the Japanese error page";
        foreach (var message in Messages(body).Where(m => !IsJapanese(m)))
            yield return $"a message not in Japanese: \"{Shorten(message)}\"";
    }

    public static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " ")).Trim();

    [GeneratedRegex("validation-summary-errors[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("<li[^>]*>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Item();

    [GeneratedRegex("field-validation-error[^>]*>(.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex FieldError();

    [GeneratedRegex("<li class=\"block\">(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex("<p class=\"error\"[^>]*>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorParagraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    [GeneratedRegex(@"The field|The value|is not valid|is required|is invalid|must be a|A value for|The input")]
    private static partial Regex English();

    [GeneratedRegex(@"\n\s+at [A-Z][\w.]+\(")]
    private static partial Regex StackFrame();
}
