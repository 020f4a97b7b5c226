using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Workflow.Drafts;

/// <summary>
/// Y9.1: what a draft form must hold before the policy looks at it: a known category, an area, a
/// headline, lengths within bounds, and text that every reader can carry (no control characters, no
/// bidi overrides that reorder what residents read, no noncharacters that break the XML feeds).
/// </summary>
public static class DraftValidation
{
    /// <summary>The longest headline accepted, in characters.</summary>
    public const int HeadlineMax = 100;
    /// <summary>The longest free-text field accepted, in characters.</summary>
    public const int TextMax = 2000;
    /// <summary>The longest reason of an 「その他」 physical harm accepted, in characters.</summary>
    public const int HarmReasonMax = 200;

    /// <summary>Checks <paramref name="input"/> against the book and the limits above; throws <see
    /// cref="PolicyRefusedException"/> naming the field in Japanese.</summary>
    public static void Validate(PolicyBook book, DraftInput input)
    {
        Require(book.Categories.Any(c => c.Id == input.CategoryId), "Y8", "draft.unknown-category", "情報種別を選んでください。");
        Require(input.TargetAreas.Count > 0, "T3(2)", "draft.no-area", "配信先の地域を1つ以上選んでください。");
        // The border share goes to the station of this area (Y11.4): a name the book does not know would drop it.
        Require(input.IncidentArea is null || book.AllAreas.Contains(input.IncidentArea), "Y11.4",
            "draft.unknown-incident-area", "発生地域（境界付近のとき）は一覧から選んでください。");
        // T3(2): the division in charge is one of the book's HQ divisions (the rule says the same to the engine's
        // users).
        Require(input.DivisionInCharge is null || book.Divisions.Any(u => u.Id == input.DivisionInCharge), "T3(2)",
            "scope.unknown-division", "事案を主管する本部主管課は、本部の課の一覧から選んでください。");
        var f = input.Fields;
        Require(f.Headline.Trim().Length > 0, "Y9.1", "draft.no-headline", "見出しを入力してください。");
        Require(f.Headline.Length <= HeadlineMax, "Y9.1", "draft.headline-long", $"見出しは{HeadlineMax}文字以内で入力してください。");
        // The headline is one line: it becomes the mail's Subject and the staff notices' subject (a line break there
        // cut the notice's subject and pushed the rest into its body).
        Require(f.Headline.IndexOfAny(['\r', '\n']) < 0, "Y9.1", "draft.headline-line",
            "見出しは1行で入力してください（改行は使えません）。");
        Require(f.Texts().All(t => t.Length <= TextMax), "Y9.1", "draft.text-long", $"各項目は{TextMax}文字以内で入力してください。");
        foreach (var (label, text) in f.Labelled())
            Require(UnusableCharacter(text) is null, "Y9.1", "draft.control-character",
                $"「{label}」に使えない文字（{Describe(UnusableCharacter(text))}）が含まれています。削除して入力し直してください。");
        var reason = input.HarmReason ?? "";
        Require(reason.Length <= HarmReasonMax && UnusableCharacter(reason) is null
                && reason.IndexOfAny(['\r', '\n']) < 0, "T4(2)", "draft.harm-reason",
            $"身体に危害が及ぶおそれの理由は1行・{HarmReasonMax}文字以内で、使える文字で入力してください。");
        Require(input.VictimAge is null or (>= 0 and <= 120), "Y8", "draft.victim-age", "被害者の年齢は0〜120で入力してください。");
    }

    /// <summary>The first character that may not stand in a draft: C0 controls but tab, CR and LF; DEL and C1
    /// controls; U+FFFE/U+FFFF; the bidi embeddings, overrides and isolates; lone surrogates.</summary>
    public static char? UnusableCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (IsUnusable(c)) return c;
        }
        return null;
    }

    private static bool IsUnusable(char c) =>
        (c < 0x20 && c is not ('\t' or '\r' or '\n'))
        || c is >= '\u007F' and <= '\u009F'
        || c is '\uFFFE' or '\uFFFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || char.IsSurrogate(c);

    private static string Describe(char? c) => c is { } ch ? $"U+{(int)ch:X4}" : "";

    private static void Require(bool condition, string clause, string code, string message)
    {
        if (!condition) throw PolicyRefusedException.Because(clause, code, message);
    }
}
