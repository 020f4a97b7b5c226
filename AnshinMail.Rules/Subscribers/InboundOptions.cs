namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// 空メール登録: AnshinMail's own inbound SMTP listener, to which the site's MTA forwards the
/// registration address. Off by default.
/// </summary>
public sealed record InboundOptions
{
    /// <summary>Whether the listener runs.</summary>
    public bool Enabled { get; init; }
    /// <summary>The local address the listener binds to.</summary>
    public string Address { get; init; } = "127.0.0.1";
    /// <summary>The port the listener binds to.</summary>
    public int Port { get; init; } = 2525;
    /// <summary>Replies per sender address per hour; more mails from the same address get none.</summary>
    public int RepliesPerHour { get; init; } = 3;
    /// <summary>
    /// Bytes a mail may have (64 KB: plenty for an empty mail, an unsubscribe or a bounce report). Announced
    /// with SIZE; a bigger mail is refused (552) and a sender that streams on regardless is cut off.
    /// </summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;
}
