using MimeKit;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// T5: residents' addresses as Japanese carriers issued them. Before RFC 5322 was enforced, docomo and au
/// gave out local parts such as <c>taro.</c> or <c>a..b</c>; they are still common among older residents.
/// MimeKit refuses them by default: every place that reads an address uses <see cref="Parser"/> (looser), and
/// every place that sends to one uses <see cref="Mailbox"/>, which quotes such a local part
/// (<c>"taro."@docomo.ne.jp</c>, RFC 5321's own way of writing it, which the carriers deliver).
/// </summary>
internal static class MailAddresses
{
    /// <summary>MimeKit's options with the looser address parser (also for loading received mail).</summary>
    public static ParserOptions Parser { get; } = Looser();

    /// <summary>The address as stored (unquoted, trimmed), or null when it is not a usable address.</summary>
    public static string? Normalize(string? text)
    {
        var t = Unquote((text ?? "").Trim());
        if (t.Length is 0 or > 254 || t.Any(char.IsWhiteSpace)) return null;
        var at = t.LastIndexOf('@');
        if (at <= 0 || at == t.Length - 1 || !t[..at].All(IsAtextOrDot)) return null;
        if (!MailboxAddress.TryParse(Parser, Envelope(t), out var mailbox)) return null;
        var domain = t[(at + 1)..];
        if (!domain.Contains('.') || mailbox.Domain != domain || mailbox.LocalPart.Length == 0) return null;
        return t;
    }

    /// <summary>The mailbox to send to: the stored address, its local part quoted when it is not a dot-atom.</summary>
    public static MailboxAddress Mailbox(string stored) => MailboxAddress.Parse(Parser, Envelope(stored));

    /// <summary>RFC 5321 form: <c>"taro."@docomo.ne.jp</c> for a local part that is not a dot-atom.</summary>
    public static string Envelope(string stored)
    {
        var at = stored.LastIndexOf('@');
        if (at <= 0) return stored;
        var local = stored[..at];
        return IsDotAtom(local) || local.StartsWith('"') ? stored
            : $"\"{local.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"{stored[at..]}";
    }

    /// <summary>An address as an SMTP envelope or a header gave it, quoted or not, in the stored form.</summary>
    public static string Unquote(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 2 || address[0] != '"' || address[at - 1] != '"') return address;
        var local = address[1..(at - 1)].Replace("\\\"", "\"").Replace("\\\\", "\\");
        return local + address[at..];
    }

    private static bool IsDotAtom(string local) =>
        local.Length > 0 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..")
        && local.All(IsAtextOrDot);

    internal static bool IsAtextOrDot(char c) => char.IsAsciiLetterOrDigit(c) || ".!#$%&'*+-/=?^_`{|}~".Contains(c);

    private static ParserOptions Looser()
    {
        var options = ParserOptions.Default.Clone();
        options.AddressParserComplianceMode = RfcComplianceMode.Looser;
        return options;
    }
}
