using MimeKit;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// RFC 3834 §2: which received mail an automatic responder must leave unanswered, so that two responders (or
/// a list and a responder) never mail each other in a loop. Only the reply is withheld: a bounce report or an
/// unsubscribe mail is still acted on.
/// </summary>
internal static class AutoReplyGuard
{
    private static readonly string[] ListPrecedence = ["bulk", "junk", "list"];
    /// <summary>Local parts of mailer and list administration addresses (RFC 3834 §2, RFC 2142).</summary>
    private static readonly string[] AdministrativeLocalParts =
        ["mailer-daemon", "postmaster", "listserv", "majordomo", "noreply", "no-reply"];

    /// <summary>Why <paramref name="message"/> must not be answered, for the log; null when a reply is fine.</summary>
    /// <param name="message">The received mail.</param>
    /// <param name="envelopeFrom">The reverse-path; null when it was empty (MAIL FROM:&lt;&gt;).</param>
    /// <param name="isOwnAddress">Whether an address is one of the system's own (sender, bounce, unsubscribe).</param>
    public static string? ReasonNotToAnswer(MimeMessage message, string? envelopeFrom, Func<string, bool> isOwnAddress)
    {
        if (envelopeFrom is null) return "null return path";
        if (message.Headers[HeaderId.AutoSubmitted] is { } auto && !IsNo(auto)) return "Auto-Submitted: " + auto.Trim();
        if (message.Headers[HeaderId.Precedence] is { } precedence
            && ListPrecedence.Contains(precedence.Trim(), StringComparer.OrdinalIgnoreCase))
            return "Precedence: " + precedence.Trim();
        var list = message.Headers.FirstOrDefault(h => h.Field.StartsWith("List-", StringComparison.OrdinalIgnoreCase));
        if (list is not null)
            return list.Field + " (list mail)";
        var senders = message.From.Mailboxes.Select(m => m.Address).Append(envelopeFrom);
        if (senders.FirstOrDefault(isOwnAddress) is { } own) return "from the system's own address " + own;
        if (senders.FirstOrDefault(IsAdministrative) is { } administrative)
            return "from the administrative address " + administrative;
        return null;
    }

    /// <summary>"no", with or without comments or parameters, is the only value that allows a reply.</summary>
    private static bool IsNo(string value) =>
        value.Split(';', 2)[0].Split('(', 2)[0].Trim().Equals("no", StringComparison.OrdinalIgnoreCase);

    private static bool IsAdministrative(string address)
    {
        var local = address.Split('@')[0];
        return AdministrativeLocalParts.Contains(local, StringComparer.OrdinalIgnoreCase)
            || local.StartsWith("owner-", StringComparison.OrdinalIgnoreCase)
            || local.EndsWith("-request", StringComparison.OrdinalIgnoreCase);
    }
}
