namespace AnshinMail.Rules.Storage;

public enum WebhookDeliveryStatus { Pending, Delivered, Failed }

/// <summary>One alert to one webhook, retried with backoff; the log the security manager reads.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long WebhookId { get; set; }
    public long AlertId { get; set; }
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>T5(2): the organisation's server took it (2xx).</summary>
    public void Delivered(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = now;
        LastError = null;
    }

    /// <summary>T5(2): no more attempts (retries spent, or an address that waiting will not make public).</summary>
    public void GiveUp(string error)
    {
        Status = WebhookDeliveryStatus.Failed;
        LastError = error.Length <= 1000 ? error : error[..1000];
    }
}
