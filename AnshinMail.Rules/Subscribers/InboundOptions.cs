namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// 空メール登録: AnshinMail's own inbound SMTP listener, to which the site's MTA forwards the
/// registration address. Off by default.
/// </summary>
public sealed record InboundOptions
{
    public bool Enabled { get; init; }
    public string Address { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 2525;
    /// <summary>Replies per sender address per hour; more mails from the same address get none.</summary>
    public int RepliesPerHour { get; init; } = 3;
}
