namespace AnshinMail.Rules.Storage;

/// <summary>
/// An inbound mail already taken by a node's listener, by its Message-ID (or a hash of its bytes): a mail the
/// site's MTA hands to two nodes is handled once.
/// </summary>
public sealed class InboundMessage
{
    /// <summary>"mid:" and the Message-ID, or "sha256:" and the hash of the raw message.</summary>
    public string Key { get; set; } = "";
    /// <summary>The node that took it.</summary>
    public string Node { get; set; } = "";
    /// <summary>When it was taken; kept a week, then removed.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
