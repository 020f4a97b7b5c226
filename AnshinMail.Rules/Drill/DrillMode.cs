using System.Globalization;
using System.Text.RegularExpressions;

namespace AnshinMail.Rules.Drill;

/// <summary>
/// 訓練: an installation that practises the night, holiday and emergency paths by day. Its clock starts at
/// <see cref="Start"/> (<see cref="DrillClock"/>), every subject carries <see cref="SubjectMark"/>, mail goes only
/// to <see cref="AllowedRecipients"/> (or, with none, to the pickup folder) and nothing reaches the public: its
/// alerts are marked in storage, never listed by a real run, never relayed or posted to webhooks.
/// </summary>
public sealed partial class DrillMode
{
    /// <summary>What every subject of a drill begins with.</summary>
    public const string SubjectMark = "【訓練】";

    /// <summary>A real (non-drill) installation.</summary>
    public static readonly DrillMode Off = new(null, []);

    private DrillMode(DateTimeOffset? start, IReadOnlyList<string> allowed) =>
        (Start, AllowedRecipients) = (start, allowed);

    /// <summary>Whether this installation is a drill.</summary>
    public bool Active => Start is not null;

    /// <summary>The instant the drill clock shows when the app starts (null: no drill).</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>Exact addresses or <c>@domain</c> entries that drill mail may reach; empty: the pickup folder
    /// only.</summary>
    public IReadOnlyList<string> AllowedRecipients { get; }

    /// <summary>Reads the drill's settings: an instant with its offset (<c>2026-11-28T23:30+09:00</c>) and
    /// optional allowed recipients; none at all is a real run. Malformed settings throw
    /// <see cref="DrillConfigurationException"/> with a Japanese message.</summary>
    public static DrillMode Parse(string? start, IEnumerable<string?> allowedRecipients)
    {
        var allowed = allowedRecipients.SelectMany(a => (a ?? "").Split([',', ';', ' '],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        // A start set but blank (a script's empty variable) is not "no drill": a live run must never start by accident.
        if (start is not null && start.Length > 0 && string.IsNullOrWhiteSpace(start))
            throw new DrillConfigurationException(
                "訓練の開始時刻 AnshinMail:Drill:Start が空白です。訓練をしないときは設定を削除してください。");
        if (string.IsNullOrEmpty(start))
            return allowed.Count == 0 ? Off : throw new DrillConfigurationException(
                "AnshinMail:Drill:AllowedRecipients が設定されていますが、訓練の開始時刻 AnshinMail:Drill:Start がありません。");
        start = start.Trim();
        if (!Instant().IsMatch(start) || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at))
            throw new DrillConfigurationException(
                $"訓練の開始時刻 AnshinMail:Drill:Start「{start}」を読めません。"
                + "時差付きの日時で指定してください（例: 2026-11-28T23:30+09:00）。");
        foreach (var entry in allowed.Where(e => !Recipient().IsMatch(e)))
            throw new DrillConfigurationException(
                $"訓練で送信を許すあて先 AnshinMail:Drill:AllowedRecipients「{entry}」を読めません。"
                + "メールアドレス（taro@example.jp）か「@ドメイン」（@example.jp）で指定してください。");
        return new DrillMode(at, allowed);
    }

    /// <summary>Whether drill mail may go to <paramref name="address"/>: an exact entry, or an <c>@domain</c> entry
    /// naming its domain (not a subdomain).</summary>
    public bool Allows(string address) => AllowedRecipients.Any(entry => string.Equals(
        entry.StartsWith('@') ? DomainPart(address) : address, entry, StringComparison.OrdinalIgnoreCase));

    /// <summary>The subject as a drill sends it: <see cref="SubjectMark"/> in front (once); unchanged outside a
    /// drill.</summary>
    public string Mark(string subject) =>
        !Active || subject.StartsWith(SubjectMark, StringComparison.Ordinal) ? subject : SubjectMark + subject;

    private static string DomainPart(string address) =>
        address.LastIndexOf('@') is var at and >= 0 ? address[at..] : "";

    // Date, hours and minutes, optional seconds and fraction, and an offset: a bare local time would be read in the
    // server's zone, which is exactly the ambiguity a drill at 23:30 Japan time must not have.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();

    [GeneratedRegex(@"^([^@\s,;]+)?@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex Recipient();
}
