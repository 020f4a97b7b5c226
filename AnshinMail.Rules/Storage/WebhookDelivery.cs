namespace AnshinMail.Rules.Storage;

/// <summary>Where one alert's delivery to one webhook is.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; tried again at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,
    /// <summary>The organisation's server took it (2xx).</summary>
    Delivered,
    /// <summary>Given up: retries spent, or an address that is not public.</summary>
    Failed,
}

/// <summary>One alert to one webhook, retried with backoff; the log the security manager reads.</summary>
public sealed class WebhookDelivery
{
    /// <summary>The delivery's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The webhook it goes to.</summary>
    public long WebhookId { get; set; }
    /// <summary>The alert it carries.</summary>
    public long AlertId { get; set; }
    /// <summary>Where the delivery is (see <see cref="WebhookDeliveryStatus"/>).</summary>
    public WebhookDeliveryStatus Status { get; private set; }
    /// <summary>How many times it was tried.</summary>
    public int Attempts { get; set; }
    /// <summary>When it is tried next (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>The HTTP status of the last attempt, if one answered.</summary>
    public int? LastStatusCode { get; set; }
    /// <summary>Why the last attempt failed, if it did.</summary>
    public string? LastError { get; set; }
    /// <summary>When the server took it.</summary>
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
