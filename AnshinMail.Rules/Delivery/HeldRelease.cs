using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AnshinMail.Rules.Delivery;

public sealed partial class DeliveryRunner
{
    /// <summary>
    /// T5: sends the messages whose quiet hours have ended. Each is removed from the held list in the same
    /// transaction that counts it (delivered or failed); a subscriber who left meanwhile is simply dropped.
    /// </summary>
    private async Task ReleaseHeldAsync(PassCounters pass, CancellationToken ct)
    {
        await using var db = contexts();
        var now = clock.GetUtcNow();
        // Y9.3: a stopped alert sends nothing more; its held messages stay as the record of who did not get it.
        var due = await db.HeldMessages
            .Where(h => h.ReleaseAt <= now
                && db.Alerts.Any(a => a.Id == h.AlertId && a.Status != AlertStatus.Stopped && a.Drill == _drill))
            .OrderBy(h => h.Id).Take(1000).ToListAsync(ct);
        if (due.Count == 0) return;
        IMailSession? session = null;
        try
        {
            foreach (var item in due)
            {
                var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == item.AlertId, ct);
                var subscriber = await db.Subscribers.AsNoTracking()
                    .SingleOrDefaultAsync(s => s.Id == item.SubscriberId, ct);
                int delivered = 0, failed = 0, withheld = 0;
                DeliveryFailure? failure = null;
                if (subscriber is not null && subscriber.Wants(alert.CategoryId, alert.Areas))
                {
                    session ??= await transport.OpenAsync(ct);
                    using var message = messages.Build(alert, subscriber, now);
                    var result = await SendWithRetry(session, message, messages.Bounces.For(alert.Id, subscriber), ct);
                    if (result.Withheld) withheld = 1;
                    else if (result.IsAccepted) delivered = 1;
                    else
                    {
                        failed = 1;
                        failure = Failure(alert, subscriber, result);
                    }
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
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            pass.Error = $"{transport.Describe()}: {e.Message}";
            _log.LogWarning(e, "Release of held messages interrupted");
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
    }
}
