namespace AnshinMail.Rules.Storage;

/// <summary>T5(2): an organisation subscriber's HTTPS endpoint; each alert it wants is POSTed there, signed.</summary>
public sealed class Webhook
{
    /// <summary>The webhook's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The organisation subscriber it belongs to; its categories and areas decide what is POSTed.</summary>
    public long SubscriberId { get; set; }
    /// <summary>The HTTPS URL alerts are POSTed to.</summary>
    public required string Url { get; set; }
    /// <summary>HMAC-SHA256 key shared with the organisation (shown once when registered).</summary>
    public required string Secret { get; set; }
    /// <summary>Whether alerts are still POSTed there.</summary>
    public bool Active { get; set; } = true;
    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

