using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Operations;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// Fans alerts out to their subscribers, resumably and on several nodes at once. Per alert, recipients are split
/// into batches of subscriber-id ranges when sending starts; each connection claims a batch with a lease
/// (<see cref="BatchLeases"/>), renewed while it works, and checkpoints it as done only after every message in it
/// was accepted or recorded as failed, in one transaction with the counters (<see cref="BatchCheckpoint"/>). A
/// node that crashes leaves its batches' leases to expire and any node sends them again: nothing is lost,
/// duplicates are bounded by the batches it had in flight, and each carries the same Message-ID. Nothing is
/// handed to the transport for an alert whose draft lacks an approval of exactly its content (Y9.3).
/// </summary>
public sealed class DeliveryRunner(
    Func<AnshinDbContext> contexts, IMailTransport transport, AlertMessageFactory messages, DeliveryOptions options,
    TimeProvider clock, ILogger<DeliveryRunner>? logger = null, NodeOptions? node = null,
    DeliveryMetrics? metrics = null, Drill.DrillMode? drill = null)
{
    private readonly ILogger _log = logger ?? NullLogger<DeliveryRunner>.Instance;
    // 訓練: a run delivers only the alerts of its own kind: a real run never a drill's, a drill never a real one's.
    private readonly bool _drill = drill?.Active ?? false;
    private readonly DeliveryPlanner _planner = new(options, clock, drill?.Active ?? false);
    private readonly NodeOptions _node = node ?? new NodeOptions();
    private readonly JobLeases _jobs = new(contexts, node ?? new NodeOptions(), clock);
    private readonly BatchCheckpoint _checkpoint = new(options, clock, metrics);
    private readonly HeldRelease _held = new(contexts, transport, messages, options, clock,
        new JobLeases(contexts, node ?? new NodeOptions(), clock), metrics, logger, drill?.Active ?? false);

    /// <summary>Where this node announces newly planned batches to the others (set by the host).</summary>
    internal DeliverySignal? Signal { get; init; }

    /// <summary>The transport mail leaves by.</summary>
    public IMailTransport Transport => transport;

    /// <summary>
    /// One pass: start and plan due alerts (one node at a time), send every batch this node can claim, release held
    /// messages whose quiet hours ended (one node at a time), and close finished alerts.
    /// </summary>
    public async Task<DeliveryPass> RunOnceAsync(CancellationToken ct = default)
    {
        await OnOneNode(NodeJobs.Planning, async db =>
        {
            await _planner.StartDueAsync(db, ct);
            if (await _planner.PlanAsync(db, ct) > 0) Signal?.AnnouncePlanned();
        }, ct);
        var alerts = await PendingAsync(ct);
        var pass = new PassCounters();
        if (alerts.Count > 0)
        {
            await using var leases = new BatchLeases(contexts, _node, clock);
            // Y9.3: an alert stopped mid-pass leaves this set, so no connection claims its batches again.
            var live = new System.Collections.Concurrent.ConcurrentDictionary<long, byte>(
                alerts.Select(a => KeyValuePair.Create(a, (byte)0)));
            await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Work(live, leases, pass, ct)));
        }
        if (pass.Error is null) await _held.RunAsync(pass, ct);
        await OnOneNode(NodeJobs.Planning, db => _planner.CompleteAsync(db, ct), ct);
        return new DeliveryPass(pass.Delivered, pass.Failed, pass.Batches, pass.Error);
    }

    /// <summary>Runs a job when no other node runs it now (else skips it: that node does it).</summary>
    private async Task OnOneNode(string job, Func<AnshinDbContext, Task> work, CancellationToken ct)
    {
        await using var held = await _jobs.TakeAsync(job, ct);
        if (held is null) return;
        await using var db = contexts();
        await work(db);
    }

    /// <summary>Sending alerts whose content matches an approval, in order.</summary>
    private async Task<List<long>> PendingAsync(CancellationToken ct)
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
        return approved;
    }

    private async Task Work(System.Collections.Concurrent.ConcurrentDictionary<long, byte> live, BatchLeases leases,
        PassCounters pass, CancellationToken ct)
    {
        await using var db = contexts();
        IMailSession? session = null;
        var onConnection = 0;
        try
        {
            while (!live.IsEmpty && await leases.ClaimAsync(db, live.Keys.ToList(), ct) is { } batch)
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
                    onConnection += await SendBatch(db, session, batch, leases, pass, ct) is { } sent
                        ? sent : Stopped(live, batch);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await Interrupted(db, batch, leases, pass, e);
                    return;
                }
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
    }

    /// <summary>Relay down or connection lost: the batch is given back undone and sent again on a later pass.</summary>
    private async Task Interrupted(AnshinDbContext db, ClaimedBatch batch, BatchLeases leases, PassCounters pass,
        Exception e)
    {
        pass.Error = $"{transport.Describe()}: {e.Message}";
        metrics?.RelayError();
        _log.LogWarning(e, "Delivery of batch {Batch} interrupted", batch.Id);
        db.ChangeTracker.Clear();
        await leases.ReleaseAsync(batch.Id);
        await db.Alerts.Where(a => a.Id == batch.AlertId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.LastError, Truncate("配信サーバに接続できません。自動で再試行します: " + e.Message))
            .SetProperty(a => a.LastErrorAt, clock.GetUtcNow()), CancellationToken.None);
    }

    /// <summary>The batch's alert no longer sends (stopped, cancelled): none of its batches is claimed again.</summary>
    private static int Stopped(System.Collections.Concurrent.ConcurrentDictionary<long, byte> live, ClaimedBatch batch)
    {
        live.TryRemove(batch.AlertId, out _);
        return 0;
    }

    private async Task<int?> SendBatch(AnshinDbContext db, IMailSession session, ClaimedBatch claimed,
        BatchLeases leases, PassCounters pass, CancellationToken ct)
    {
        var batch = await db.DeliveryBatches.AsNoTracking().SingleAsync(b => b.Id == claimed.Id, ct);
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == batch.AlertId, ct);
        // Y9.3: the brake is read before every batch, so each connection stops after the batch in its hands.
        if (batch.Done || alert.Status != AlertStatus.Sending)
        {
            await leases.ReleaseAsync(batch.Id);
            return alert.Status == AlertStatus.Sending ? 0 : null;
        }
        var subscribers = await db.Subscribers.AsNoTracking()
            .WantingIn(alert, batch.FromSubscriberId, batch.ToSubscriberId).ToListAsync(ct);
        var outcome = new BatchCheckpoint.Outcome(0, [], []);
        int delivered = 0, withheld = 0;
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), messages.Zone).DateTime;
        var audience = alert.AudienceOfAlertId is { } of
            ? await StoppedAudience.ReceivedAsync(db, of, batch.FromSubscriberId, batch.ToSubscriberId, ct) : null;
        foreach (var subscriber in subscribers.Where(s => audience?.Contains(s.Id) ?? true))
        {
            // Another node took the batch over (this one stalled past its lease): it sends the rest.
            if (!leases.StillHeld(batch.Id)) break;
            // T5: a subscriber's quiet hours hold non-emergency mail until they end.
            if (!alert.Emergency && subscriber.QuietUntil(local) is { } until)
            {
                outcome.Held.Add(new HeldMessage
                {
                    AlertId = alert.Id, SubscriberId = subscriber.Id,
                    ReleaseAt = new DateTimeOffset(until, messages.Zone.GetUtcOffset(until)),
                });
                continue;
            }
            using var message = messages.Build(alert, subscriber, clock.GetUtcNow());
            var result = await TransientRetry.SendAsync(session, message, messages.Bounces.For(alert.Id, subscriber), options, ct);
            if (result.Withheld) withheld++;
            else if (result.IsAccepted) delivered++;
            else outcome.Failures.Add(Failure(alert, subscriber, result));
        }
        var sent = delivered + withheld + outcome.Failures.Count;
        leases.Done(batch.Id);
        if (await _checkpoint.WriteAsync(db, claimed, leases.Node, alert, outcome with { Delivered = delivered, Withheld = withheld }, ct))
            pass.Add(delivered, outcome.Failures.Count);
        return sent;
    }

    private DeliveryFailure Failure(Alert alert, Subscriber subscriber, SendResult result) =>
        TransientRetry.Failure(alert, subscriber, result, clock);

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
