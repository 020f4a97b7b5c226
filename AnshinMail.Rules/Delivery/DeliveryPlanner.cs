using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Delivery;

/// <summary>The bookkeeping around fan-out: start scheduled alerts, plan batches, close finished alerts.</summary>
internal sealed class DeliveryPlanner(DeliveryOptions options, TimeProvider clock, bool drill = false)
{
    /// <summary>Y9.4: alerts held for the next opening start sending when it comes.</summary>
    public async Task StartDueAsync(AnshinDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The relay requests filed here reach their unit like those filed by an operation (sent by the notice worker).
        using var outbox = Workflow.Notices.NoticeOutbox.Watch(db);
        var due = await db.Alerts.Where(a => a.Status == AlertStatus.Scheduled && a.Drill == drill).ToListAsync(ct);
        foreach (var alert in due.Where(a => a.ScheduledFor <= now))
        {
            // Y13: started once, whatever happens to the planning lease: a node that stalled past it while another
            // node started the alert finds it started here and does nothing (no second relay request or ledger time).
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Alerts.Where(a => a.Id == alert.Id && a.Status == AlertStatus.Scheduled)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AlertStatus.Sending), ct) == 0)
            {
                db.Entry(alert).State = EntityState.Detached;
                continue;
            }
            alert.StartSending(now);
            // T4(2): it has gone out now: the relay is asked for (or the incident's request updated).
            await Workflow.Requests.YahooRelayFiling.OnWentOut(db, alert, now, ct);
            if (alert.LedgerEntryId is { } id)
                await db.LedgerEntries.Where(e => e.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentAt, now), ct);
            new Audit(db, clock).Record(Accounts.StaffNames.SystemActor, null, "alert.start-scheduled",
                alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (outbox.Append(now).Count > 0) await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Splits an alert's recipients into contiguous subscriber-id ranges of about
    /// <see cref="DeliveryOptions.BatchSize"/>
    /// recipients each. Ranges are contiguous so that no subscriber inside the covered span is ever skipped.
    /// Returns how many alerts it planned (not those another node planned meanwhile).
    /// </summary>
    public async Task<int> PlanAsync(AnshinDbContext db, CancellationToken ct)
    {
        var alerts = await db.Alerts
            .Where(a => a.Status == AlertStatus.Sending && !a.BatchesPlanned && a.Drill == drill).ToListAsync(ct);
        var planned = 0;
        foreach (var alert in alerts)
        {
            var recipients = new List<long>();
            // Only the ids of those who want it leave the database (a million subscribers are not read here).
            var ids = db.Subscribers.AsNoTracking().Wanting(alert.CategoryId, alert.Areas).OrderBy(s => s.Id)
                .Select(s => s.Id).AsAsyncEnumerable();
            var audience = alert.AudienceOfAlertId is { } of
                ? await StoppedAudience.ReceivedAsync(db, of, long.MinValue, long.MaxValue, ct) : null;
            await foreach (var id in ids.WithCancellation(ct))
                if (audience is null || audience.Contains(id)) recipients.Add(id);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Y13: planned once, whatever happens to the planning lease: a node that stalled past it while another
            // node planned the alert finds it planned here and writes nothing (its transaction rolls back).
            if (!await MarkPlannedAsync(db, alert, recipients.Count, ct)) continue;
            db.DeliveryBatches.AddRange(Ranges(alert.Id, recipients, options.BatchSize));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            planned++;
        }
        return planned;
    }

    /// <summary>Marks the alert planned unless another node did; false when it did.</summary>
    private static async Task<bool> MarkPlannedAsync(AnshinDbContext db, Alert alert, int recipients,
        CancellationToken ct)
    {
        var marked = await db.Alerts.Where(a => a.Id == alert.Id && !a.BatchesPlanned).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.BatchesPlanned, true).SetProperty(a => a.Recipients, recipients), ct);
        if (marked == 0) return false;
        db.Entry(alert).State = EntityState.Detached; // written above: nothing of it is left for SaveChanges
        (alert.BatchesPlanned, alert.Recipients) = (true, recipients);
        return true;
    }

    public static IEnumerable<DeliveryBatch> Ranges(long alertId, IReadOnlyList<long> recipients, int size)
    {
        for (var i = 0; i < recipients.Count; i += size)
        {
            var chunk = recipients.Skip(i).Take(size).ToList();
            yield return new DeliveryBatch
            {
                AlertId = alertId,
                FromSubscriberId = i == 0 ? chunk[0] : recipients[i - 1] + 1,
                ToSubscriberId = chunk[^1],
                Planned = chunk.Count,
            };
        }
    }

    /// <summary>An alert whose batches are all done is sent; the ledger gets its recipient count.</summary>
    public async Task CompleteAsync(AnshinDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var finished = await db.Alerts
            .Where(a => a.Status == AlertStatus.Sending && a.BatchesPlanned && a.Drill == drill
                && !db.DeliveryBatches.Any(b => b.AlertId == a.Id && !b.Done)
                && !db.HeldMessages.Any(h => h.AlertId == a.Id))
            .ToListAsync(ct);
        foreach (var alert in finished)
        {
            alert.Complete(now);
            if (alert.LedgerEntryId is { } id)
                await db.LedgerEntries.Where(e => e.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Recipients, alert.Delivered), ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
