using System.Text;
using System.Text.RegularExpressions;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

/// <summary>
/// Y11.1: text that may identify a victim or hinder an investigation. Finds phone numbers other
/// than the contact units', house-number-level addresses, names with honorifics, school names.
/// Texts are NFKC-normalised first so full-width digits are caught too.
/// </summary>
internal sealed class PrivacyScanner
{
    private static readonly Regex Phone = new(@"(?<!\d)0\d{1,4}[-(]?\d{1,4}[-)]?\d{3,4}(?!\d)", RegexOptions.Compiled);
    private static readonly Regex HouseNumber = new(
        @"\d+番地(\d+)?|\d+番\d+号?|(?<!(道|風)\d*)\d+号(?!線)|[一二三四五六七八九十百千]+番地|"
            + @"(?<![\d:])\d{1,4}-\d{1,4}-\d{1,4}(?![\d-])|(?<![\d:])\d{1,4}-\d{1,4}(?=\s*(付近|$|[、。\s]))",
        RegexOptions.Compiled);
    // A name is a run of kanji, of hiragana or of katakana, not a mix (so 「被害者の」 is not part of it).
    private const string NameRun = @"(?:[\p{IsCJKUnifiedIdeographs}々]{1,5}|[ぁ-ん]{1,5}|[\p{IsKatakana}ー]{1,8})";
    private readonly Regex _name;
    private readonly Regex _school;
    private readonly IReadOnlyList<string> _exclusions;

    public PrivacyScanner(PrivacyCheckSettings settings)
    {
        var honorifics = string.Join('|', settings.Honorifics.OrderByDescending(h => h.Length).Select(Regex.Escape));
        _name = new Regex($@"{NameRun}(?:{honorifics})", RegexOptions.Compiled);
        var schools = string.Join('|', settings.SchoolSuffixes.OrderByDescending(s => s.Length).Select(Regex.Escape));
        _school = new Regex($@"[\p{{IsCJKUnifiedIdeographs}}\p{{IsKatakana}}ー々]+(?:{schools})", RegexOptions.Compiled);
        _exclusions = settings.HonorificExclusions;
    }

    /// <summary>One finding per distinct match over all texts: a fraud warning that repeats its number
    /// in two fields is one warning, and findings are facts, which NRules holds once each.</summary>
    public IEnumerable<Finding> Scan(IEnumerable<string> texts, IReadOnlyCollection<string> allowedPhones) =>
        ScanEach(texts, allowedPhones).Distinct();

    private IEnumerable<Finding> ScanEach(IEnumerable<string> texts, IReadOnlyCollection<string> allowedPhones)
    {
        var allowed = allowedPhones.Select(Digits).ToHashSet();
        foreach (var raw in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var text = raw.Normalize(NormalizationForm.FormKC);
            foreach (Match m in Phone.Matches(text))
                if (!allowed.Contains(Digits(m.Value)))
                    yield return Finding.Warn("Y11.1", "privacy.phone",
                        $"電話番号「{m.Value}」が含まれています。所属の連絡先以外の番号は載せないでください。", m.Value);
            foreach (Match m in HouseNumber.Matches(text))
                if (!Phone.IsMatch(m.Value))
                    yield return Finding.Warn("Y11.1", "privacy.house-number",
                        $"番地レベルの住所「{m.Value}」が含まれています。町名・丁目＋付近までにしてください。", m.Value);
            foreach (var name in Names(text))
                yield return Finding.Warn("Y11.1", "privacy.personal-name", $"個人名の可能性がある「{name}」が含まれています。", name);
            foreach (Match m in _school.Matches(text))
                yield return Finding.Warn("Y11.1", "privacy.school-name",
                    $"学校名「{m.Value}」が含まれています。被害者の特定につながらないか確認してください。", m.Value);
        }
    }

    private IEnumerable<string> Names(string text) =>
        _name.Matches(text).Select(m => m.Value)
            .Where(v => !_exclusions.Any(x => v.EndsWith(x, StringComparison.Ordinal)
                || x.EndsWith(v, StringComparison.Ordinal)));

    private static string Digits(string s) =>
        new(s.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
}
