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

public enum WebhookDeliveryStatus { Pending, Delivered, Failed }

/// <summary>One alert to one webhook, retried with backoff; the log the security manager reads.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long WebhookId { get; set; }
    public long AlertId { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
