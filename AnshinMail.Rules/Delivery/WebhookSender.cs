using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// T5(2): POSTs each sent alert as JSON to the organisations' webhooks, signed with HMAC-SHA256 over
/// "timestamp.body" (headers X-AnshinMail-Timestamp and X-AnshinMail-Signature: sha256=hex), and
/// retries with backoff (1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h) before giving up.
/// </summary>
public sealed class WebhookSender(Func<AnshinDbContext> contexts, PolicyBook book, DeliveryOptions options,
    TimeProvider clock,
    HttpClient? http = null, ILogger<WebhookSender>? logger = null, WebhookOptions? webhooks = null,
    Nodes.NodeOptions? node = null, Drill.DrillMode? drill = null)
{
    private readonly Nodes.JobLeases _jobs = new(contexts, node ?? new Nodes.NodeOptions(), clock);

    /// <summary>The waits between attempts of a webhook delivery, after which it is given up.</summary>
    public static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
            TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12)];

    // Every connection is checked after name resolution (WebhookAddresses): no request reaches an internal address.
    private readonly HttpClient _http = http
        ?? new HttpClient(WebhookAddresses.Handler(webhooks ?? new WebhookOptions()))
    {
        Timeout = TimeSpan.FromSeconds(10),
    };
    private readonly ILogger _log = logger ?? NullLogger<WebhookSender>.Instance;

    /// <summary>The X-AnshinMail-Signature of <paramref name="body"/>: <c>sha256=</c> and the hex HMAC-SHA256 of
    /// "timestamp.body" under the webhook's secret.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256="
            + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>Queues the alerts that went out for every active webhook whose organisation wants them; sends what is
    /// due.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        // 訓練: a drill posts nothing to the organisations' servers: webhooks reach the world.
        if (drill?.Active == true) return 0;
        // Once across nodes: another node's pass enqueues and posts them now.
        await using var job = await _jobs.TakeAsync(Nodes.NodeJobs.Webhooks, ct);
        if (job is null) return 0;
        await using var db = contexts();
        await EnqueueAsync(db, ct);
        var now = clock.GetUtcNow();
        var due = await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending
            && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id).Take(100).ToListAsync(ct);
        var delivered = 0;
        foreach (var delivery in due)
        {
            var hook = await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == delivery.WebhookId, ct);
            var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == delivery.AlertId, ct);
            delivery.Attempts++;
            try
            {
                var response = await Post(hook, alert, ct);
                delivery.LastStatusCode = (int)response;
                if ((int)response is >= 200 and < 300)
                {
                    delivery.Delivered(clock.GetUtcNow());
                    delivered++;
                }
                else Retry(delivery, $"HTTP {(int)response}");
            }
            catch (HttpRequestException e) when (e.InnerException is WebhookAddressException refused)
            {
                delivery.GiveUp(refused.Message); // an internal address does not become public by waiting
                _log.LogWarning("Webhook delivery {Id} refused: {Error}", delivery.Id, refused.Message);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Retry(delivery, e.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        return delivered;
    }

    private async Task EnqueueAsync(AnshinDbContext db, CancellationToken ct)
    {
        var hooks = await db.Webhooks.AsNoTracking().Where(w => w.Active).ToListAsync(ct);
        if (hooks.Count == 0) return;
        var since = clock.GetUtcNow().AddDays(-1);
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.Status != AlertStatus.Scheduled && a.StartedAt >= since && !a.Drill).ToListAsync(ct);
        foreach (var hook in hooks)
        {
            var organisation = await db.Subscribers.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == hook.SubscriberId, ct);
            if (organisation is null) continue;
            var known = await db.WebhookDeliveries.Where(d => d.WebhookId == hook.Id).Select(d => d.AlertId)
                .ToListAsync(ct);
            foreach (var alert in alerts.Where(a => !known.Contains(a.Id) && organisation.Wants(a.CategoryId, a.Areas)))
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    WebhookId = hook.Id, AlertId = alert.Id, NextAttemptAt = clock.GetUtcNow(),
                });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<System.Net.HttpStatusCode> Post(Webhook hook, Alert alert, CancellationToken ct)
    {
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        var body = JsonSerializer.Serialize(new
        {
            id = alert.Id,
            category = alert.CategoryId,
            categoryName = book.Categories.FirstOrDefault(c => c.Id == alert.CategoryId)?.Name,
            unit = book.FindUnit(alert.UnitId)?.Name,
            areas = alert.Areas,
            subject = alert.Subject,
            body = alert.Body,
            sentAt = alert.StartedAt,
            followUpKind = alert.FollowUpKind?.ToString(),
            followUpOf = alert.FollowUpOfAlertId,
            url = $"{baseUrl}/alerts/{alert.Id}",
            cap = $"{baseUrl}/alerts/{alert.Id}.cap.xml",
            redistribution = "二次配信（転送・掲示）を歓迎します。",
        });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            hook.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-AnshinMail-Timestamp", timestamp);
        request.Headers.Add("X-AnshinMail-Signature", Sign(hook.Secret, timestamp, body));
        using var response = await _http.SendAsync(request, ct);
        return response.StatusCode;
    }

    private void Retry(WebhookDelivery delivery, string error)
    {
        delivery.LastError = error.Length <= 1000 ? error : error[..1000];
        if (delivery.Attempts > Backoff.Length)
        {
            delivery.GiveUp(error);
            _log.LogWarning("Webhook delivery {Id} failed for good: {Error}", delivery.Id, error);
            return;
        }
        delivery.NextAttemptAt = clock.GetUtcNow() + Backoff[delivery.Attempts - 1];
    }
}
