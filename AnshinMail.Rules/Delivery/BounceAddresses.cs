using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;
using MimeKit;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// VERP envelope senders: bounce+{alert}.{subscriber}.{tag}@domain, so that a bounce report names the
/// message it is about. The tag is derived from the subscriber's secret personal token: bounce addresses
/// cannot be guessed, so forged reports cannot suspend other people's subscriptions.
/// </summary>
public sealed partial class BounceAddresses
{
    private readonly string? _local;
    private readonly string? _domain;

    /// <summary>VERP addresses under <paramref name="bounceAddress"/>; none when it is null or blank.</summary>
    public BounceAddresses(string? bounceAddress)
    {
        if (string.IsNullOrWhiteSpace(bounceAddress)) return;
        var mailbox = MailboxAddress.Parse(bounceAddress);
        (_local, _domain) = (mailbox.LocalPart, mailbox.Domain);
    }

    /// <summary>Whether a bounce mailbox is configured.</summary>
    public bool Enabled => _local is not null;

    /// <summary>The envelope sender of one message, or null when no bounce mailbox is configured (From is
    /// used).</summary>
    public MailboxAddress? For(long alertId, Subscriber subscriber) =>
        _local is null ? null
            : new MailboxAddress("", $"{_local}+{alertId}.{subscriber.Id}.{Tag(subscriber.Token)}@{_domain}");

    /// <summary>The 12-hex-digit tag of a subscriber's bounce address, derived from their secret personal
    /// token.</summary>
    public static string Tag(string personalToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("bounce:" + personalToken)))[..12]
            .ToLowerInvariant();

    /// <summary>The bounce mailbox itself or any of its VERP addresses (never to be answered).</summary>
    public bool Contains(string address)
    {
        if (_local is null || !MailboxAddress.TryParse(address, out var mailbox)) return false;
        var local = mailbox.LocalPart.Split('+', 2)[0];
        return string.Equals(local, _local, StringComparison.OrdinalIgnoreCase)
            && string.Equals(mailbox.Domain, _domain, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads a recipient address of an incoming report; false when it is not one of ours.</summary>
    public bool TryRead(string address, out long alertId, out long subscriberId, out string tag)
    {
        (alertId, subscriberId, tag) = (0, 0, "");
        if (_local is null) return false;
        var m = Verp().Match(address);
        if (!m.Success || !string.Equals(m.Groups["local"].Value, _local, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(m.Groups["domain"].Value, _domain, StringComparison.OrdinalIgnoreCase))
            return false;
        tag = m.Groups["tag"].Value.ToLowerInvariant();
        return long.TryParse(m.Groups["alert"].Value, out alertId)
            && long.TryParse(m.Groups["subscriber"].Value, out subscriberId);
    }

    [GeneratedRegex(
        @"^(?<local>[^+@]+)\+(?<alert>\d{1,18})\.(?<subscriber>\d{1,18})\.(?<tag>[0-9a-fA-F]{12})@(?<domain>[^@]+)$")]
    private static partial Regex Verp();
}
