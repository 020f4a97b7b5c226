using System.Text.RegularExpressions;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// T5 (やさしい日本語): the readings of the names residents choose from (categories, stations, areas) are hiragana
/// only, and the easy definitions mark furigana as <c>{漢字|かんじ}</c> with nothing left half-open. All of them
/// are optional: a book without them loads, and its names are shown as written.
/// </summary>
internal static partial class ReadingValidator
{
    /// <summary>One furigana mark of an easy text: <c>{漢字|かんじ}</c>.</summary>
    [GeneratedRegex(@"\{([^|{}]+)\|([^|{}]+)\}")]
    internal static partial Regex Mark();

    public static IEnumerable<PolicyBookValidator.Problem> Problems(PolicyBook b)
    {
        for (var i = 0; i < b.Categories.Count; i++)
        {
            var c = b.Categories[i];
            if (Reading(c.Reading, $"$.categories[{i}].reading") is { } p) yield return p;
            if (c.EasyDefinition is { } text && EasyText(text, $"$.categories[{i}].easyDefinition") is { } e)
                yield return e;
        }
        for (var i = 0; i < b.Units.Count; i++)
            if (Reading(b.Units[i].Reading, $"$.units[{i}].reading") is { } p) yield return p;
        var areas = b.AllAreas.ToHashSet();
        foreach (var (area, reading) in b.AreaReadings)
        {
            if (!areas.Contains(area))
                yield return new($"$.areaReadings.{area}", $"地域 '{area}' はどの警察署の管内にもありません。");
            else if (Reading(reading, $"$.areaReadings.{area}") is { } p) yield return p;
        }
    }

    /// <summary>Hiragana only (ぁ…ゖ, ゝ, ゞ): furigana a child can read; no katakana, long-vowel mark or space.
    /// </summary>
    public static bool IsHiragana(string text) =>
        text.Length > 0 && text.All(ch => ch is >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E');

    private static PolicyBookValidator.Problem? Reading(string? reading, string path) =>
        reading is null || IsHiragana(reading) ? null
            : new(path, $"読み（{path[(path.LastIndexOf('.') + 1)..]}）'{reading}' はひらがなだけで書いてください。");

    private static PolicyBookValidator.Problem? EasyText(string text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new(path, "やさしい日本語の説明（easyDefinition）が空です。書かないときは、キーごと省いてください。");
        if (Mark().Matches(text).FirstOrDefault(m => !IsHiragana(m.Groups[2].Value)) is { } bad)
            return new(path, $"ふりがな '{bad.Value}' の読みは、ひらがなだけで書いてください。");
        var rest = Mark().Replace(text, "");
        return rest.IndexOfAny(['{', '}', '|']) < 0 ? null
            : new(path, "ふりがなは {漢字|かんじ} の形で書いてください（閉じていない括弧か、余分な '|' があります）。");
    }
}
