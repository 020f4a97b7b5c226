namespace AnshinMail.Rules.Storage;

/// <summary>T5(2): an organisation subscriber's HTTPS endpoint; each alert it wants is POSTed there, signed.</summary>
public sealed class Webhook
{
    public long Id { get; set; }
    public long SubscriberId { get; set; }
    public required string Url { get; set; }
    /// <summary>HMAC-SHA256 key shared with the organisation (shown once when registered).</summary>
    public required string Secret { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

