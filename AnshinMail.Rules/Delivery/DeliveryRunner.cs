using System.Collections.Concurrent;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// Fans alerts out to their subscribers, resumably. Per alert, recipients are split into batches of
/// subscriber-id ranges when sending starts; a batch is checkpointed as done only after every message
/// in it was accepted or recorded as failed, in one transaction with the counters. A crash leaves the
/// in-flight batches undone and the next pass sends them again: nothing is lost, duplicates are bounded
/// by the batches in flight, and each carries the same Message-ID. Nothing is handed to the transport
/// for an alert whose draft lacks an approval of exactly its content (Y9.3).
/// </summary>
public sealed partial class DeliveryRunner(
    Func<AnshinDbContext> contexts, IMailTransport transport, AlertMessageFactory messages, DeliveryOptions options,
    TimeProvider clock, ILogger<DeliveryRunner>? logger = null, Drill.DrillMode? drill = null)
{
    private readonly ILogger _log = logger ?? NullLogger<DeliveryRunner>.Instance;
    // 訓練: a run delivers only the alerts of its own kind: a real run never a drill's, a drill never a real one's.
    private readonly bool _drill = drill?.Active ?? false;
    private readonly DeliveryPlanner _planner = new(options, clock, drill?.Active ?? false);

    /// <summary>The transport messages are handed to.</summary>
    public IMailTransport Transport => transport;

    /// <summary>One pass: starts due alerts, sends every open batch and releases held messages whose time
    /// came.</summary>
    public async Task<DeliveryPass> RunOnceAsync(CancellationToken ct = default)
    {
        await using (var db = contexts())
        {
            await _planner.StartDueAsync(db, ct);
            await _planner.PlanAsync(db, ct);
        }
        var queue = new ConcurrentQueue<(long Batch, long Alert)>(await PendingAsync(ct));
        var pass = new PassCounters();
        if (!queue.IsEmpty)
            await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Connections, queue.Count))
                .Select(_ => Work(queue, pass, ct)));
        if (pass.Error is null) await ReleaseHeldAsync(pass, ct);
        await using (var db = contexts())
            await _planner.CompleteAsync(db, ct);
        return new DeliveryPass(pass.Delivered, pass.Failed, pass.Batches, pass.Error);
    }

    /// <summary>Undone batches of sending alerts whose content matches an approval, in order.</summary>
    private async Task<List<(long, long)>> PendingAsync(CancellationToken ct)
    {
        await using var db = contexts();
        var sending = await db.Alerts.Where(a => a.Status == AlertStatus.Sending && a.BatchesPlanned
            && a.Drill == _drill).ToListAsync(ct);
        var approved = new List<long>();
        foreach (var alert in sending)
        {
            if (await ApprovalGuard.CoversAsync(db, alert, ct)) approved.Add(alert.Id);
            else if (alert.LastError is null)
            {
                alert.LastError = "承認された内容と一致しないため、配信を止めています（Y9.3）。";
                alert.LastErrorAt = clock.GetUtcNow();
                _log.LogError("Alert {Alert} has no approval covering its content; not delivered", alert.Id);
            }
        }
        await db.SaveChangesAsync(ct);
        var batches = await db.DeliveryBatches.AsNoTracking().Where(b => !b.Done && approved.Contains(b.AlertId))
            .OrderBy(b => b.AlertId).ThenBy(b => b.Id).Select(b => new { b.Id, b.AlertId }).ToListAsync(ct);
        return batches.Select(b => (b.Id, b.AlertId)).ToList();
    }

    private async Task Work(ConcurrentQueue<(long Batch, long Alert)> queue, PassCounters pass, CancellationToken ct)
    {
        await using var db = contexts();
        IMailSession? session = null;
        var onConnection = 0;
        try
        {
            while (queue.TryDequeue(out var item))
            {
                try
                {
                    if (session is null || onConnection >= options.MessagesPerConnection)
                    {
                        if (session is not null) await session.DisposeAsync();
                        session = null;
                        session = await transport.OpenAsync(ct);
                        onConnection = 0;
                    }
                    onConnection += await SendBatch(db, session, item.Batch, pass, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Relay down or connection lost: this batch stays undone and is sent again on a later pass.
                    pass.Error = $"{transport.Describe()}: {e.Message}";
                    _log.LogWarning(e, "Delivery of batch {Batch} interrupted", item.Batch);
                    db.ChangeTracker.Clear();
                    await db.Alerts.Where(a => a.Id == item.Alert).ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.LastError, Truncate("配信サーバに接続できません。自動で再試行します: " + e.Message))
                        .SetProperty(a => a.LastErrorAt, clock.GetUtcNow()), CancellationToken.None);
                    return;
                }
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
    }

    private async Task<int> SendBatch(AnshinDbContext db, IMailSession session, long batchId, PassCounters pass,
        CancellationToken ct)
    {
        var batch = await db.DeliveryBatches.SingleAsync(b => b.Id == batchId, ct);
        if (batch.Done) return 0;
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == batch.AlertId, ct);
        // Y9.3: the brake is read before every batch, so each connection stops after the batch in its hands.
        if (alert.Status != AlertStatus.Sending) return 0;
        var subscribers = await db.Subscribers.AsNoTracking()
            .Where(s => s.Id >= batch.FromSubscriberId && s.Id <= batch.ToSubscriberId).OrderBy(s => s.Id)
            .ToListAsync(ct);
        var failures = new List<DeliveryFailure>();
        var held = new List<HeldMessage>();
        int delivered = 0, withheld = 0;
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), messages.Zone).DateTime;
        var audience = alert.AudienceOfAlertId is { } of
            ? await StoppedAudience.ReceivedAsync(db, of, batch.FromSubscriberId, batch.ToSubscriberId, ct) : null;
        foreach (var subscriber in subscribers
            .Where(s => s.Wants(alert.CategoryId, alert.Areas) && (audience?.Contains(s.Id) ?? true)))
        {
            // T5: a subscriber's quiet hours hold non-emergency mail until they end.
            if (!alert.Emergency && subscriber.QuietUntil(local) is { } until)
            {
                held.Add(new HeldMessage
                {
                    AlertId = alert.Id, SubscriberId = subscriber.Id,
                    ReleaseAt = new DateTimeOffset(until, messages.Zone.GetUtcOffset(until)),
                });
                continue;
            }
            using var message = messages.Build(alert, subscriber, clock.GetUtcNow());
            var result = await SendWithRetry(session, message, messages.Bounces.For(alert.Id, subscriber), ct);
            if (result.Withheld) withheld++;
            else if (result.IsAccepted) delivered++;
            else failures.Add(Failure(alert, subscriber, result));
        }
        await Checkpoint(db, batch, (delivered, withheld), failures, held, ct);
        pass.Add(delivered, failures.Count);
        return delivered + withheld + failures.Count;
    }

    private async Task<SendResult> SendWithRetry(IMailSession session, MimeKit.MimeMessage message,
        MimeKit.MailboxAddress? envelopeFrom, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await session.SendAsync(message, envelopeFrom, ct);
            if (result.IsAccepted || !result.IsTransient || attempt >= options.TransientRetries) return result;
            await Task.Delay(options.RetryDelay * Math.Pow(2, attempt), ct);
        }
    }

    /// <summary>Done, counters, failures and suspensions in one transaction: all or nothing.</summary>
    private async Task Checkpoint(AnshinDbContext db, DeliveryBatch batch, (int Sent, int Withheld) counts,
        List<DeliveryFailure> failures, List<HeldMessage> held, CancellationToken ct)
    {
        var delivered = counts.Sent;
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        batch.Done = true;
        batch.Delivered = delivered;
        batch.Failed = failures.Count;
        batch.DoneAt = clock.GetUtcNow();
        db.DeliveryFailures.AddRange(failures);
        db.HeldMessages.AddRange(held);
        await db.SaveChangesAsync(CancellationToken.None);
        await db.Alerts.Where(a => a.Id == batch.AlertId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Delivered, a => a.Delivered + delivered)
            .SetProperty(a => a.Failed, a => a.Failed + failures.Count)
            .SetProperty(a => a.Held, a => a.Held + held.Count)
            .SetProperty(a => a.Withheld, a => a.Withheld + counts.Withheld)
            .SetProperty(a => a.LastError, (string?)null), CancellationToken.None);
        var permanent = failures.Where(f => f.Permanent).Select(f => f.SubscriberId).ToList();
        await Suspensions.CountPermanentFailuresAsync(db, permanent,
            options.SuspendAfterPermanentFailures);
        await tx.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    private DeliveryFailure Failure(Alert alert, Subscriber subscriber, SendResult result) =>
        DeliveryFailure.Of(alert.Id, subscriber, result.Code, !result.IsTransient, result.Reply, clock.GetUtcNow());

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
