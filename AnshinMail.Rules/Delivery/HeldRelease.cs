using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Operations;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// T5: sends the messages whose quiet hours have ended, on one node at a time (<see cref="NodeJobs.HeldRelease"/>).
/// Each is removed from the held list in the same transaction that counts it (delivered or failed); a subscriber
/// who left meanwhile is simply dropped.
/// </summary>
internal sealed class HeldRelease(Func<AnshinDbContext> contexts, IMailTransport transport,
    AlertMessageFactory messages, DeliveryOptions options, TimeProvider clock, JobLeases jobs,
    DeliveryMetrics? metrics, ILogger? logger, bool drill = false)
{
    private readonly ILogger _log = logger ?? NullLogger.Instance;

    public async Task RunAsync(PassCounters pass, CancellationToken ct)
    {
        await using var job = await jobs.TakeAsync(NodeJobs.HeldRelease, ct);
        if (job is null) return; // another node releases them now
        await using var db = contexts();
        var now = clock.GetUtcNow();
        // Y9.3: a stopped alert sends nothing more; its held messages stay as the record of who did not get it.
        var due = await db.HeldMessages
            .Where(h => h.ReleaseAt <= now
                && db.Alerts.Any(a => a.Id == h.AlertId && a.Status != AlertStatus.Stopped && a.Drill == drill))
            .OrderBy(h => h.Id).Take(1000).ToListAsync(ct);
        if (due.Count == 0) return;
        IMailSession? session = null;
        try
        {
            foreach (var item in due)
            {
                if (job.Lost.IsCancellationRequested) break; // another node took the job over
                session = await ReleaseOneAsync(db, session, item, now, pass, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            pass.Error = $"{transport.Describe()}: {e.Message}";
            metrics?.RelayError();
            _log.LogWarning(e, "Release of held messages interrupted");
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
    }

    private async Task<IMailSession?> ReleaseOneAsync(AnshinDbContext db, IMailSession? session, HeldMessage item,
        DateTimeOffset now, PassCounters pass, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == item.AlertId, ct);
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == item.SubscriberId, ct);
        int delivered = 0, failed = 0, withheld = 0;
        DeliveryFailure? failure = null;
        if (subscriber is not null && subscriber.Wants(alert.CategoryId, alert.Areas))
        {
            session ??= await transport.OpenAsync(ct);
            using var message = messages.Build(alert, subscriber, now);
            var result = await TransientRetry.SendAsync(session, message, messages.Bounces.For(alert.Id, subscriber),
                options, ct);
            if (result.Withheld) withheld = 1;
            else if (result.IsAccepted) delivered = 1;
            else (failed, failure) = (1, TransientRetry.Failure(alert, subscriber, result, clock));
        }
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (failure is not null) db.DeliveryFailures.Add(failure);
        db.HeldMessages.Remove(item);
        await db.SaveChangesAsync(CancellationToken.None);
        var gone = subscriber is null || delivered + failed + withheld == 0 ? 1 : 0;
        await db.Alerts.Where(a => a.Id == item.AlertId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Held, a => a.Held - 1)
            .SetProperty(a => a.Delivered, a => a.Delivered + delivered)
            .SetProperty(a => a.Failed, a => a.Failed + failed)
            .SetProperty(a => a.Withheld, a => a.Withheld + withheld)
            .SetProperty(a => a.Recipients, a => a.Recipients - gone), CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        pass.Add(delivered, failed);
        metrics?.Released(delivered, failed);
        return session;
    }
}
