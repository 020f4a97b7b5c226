using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// Y9.3, Y11.3: who got a stopped alert, so that its correction goes to them and to no one else: subscribers
/// in the batches that were done, who still want it, less those whose message failed or is still held.
/// (A subscriber who changed their choice since is judged by today's choice.)
/// </summary>
internal static class StoppedAudience
{
    public static async Task<HashSet<long>> ReceivedAsync(AnshinDbContext db, long alertId, long from, long to,
        CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alertId, ct);
        var done = await db.DeliveryBatches.AsNoTracking()
            .Where(b => b.AlertId == alertId && b.Done && b.ToSubscriberId >= from && b.FromSubscriberId <= to)
            .Select(b => new { b.FromSubscriberId, b.ToSubscriberId }).ToListAsync(ct);
        var missed = (await db.DeliveryFailures.AsNoTracking().Where(f => f.AlertId == alertId)
            .Select(f => f.SubscriberId).ToListAsync(ct))
            .Concat(await db.HeldMessages.AsNoTracking().Where(h => h.AlertId == alertId).Select(h => h.SubscriberId)
            .ToListAsync(ct))
            .ToHashSet();
        var received = new HashSet<long>();
        foreach (var range in done)
        {
            var lo = Math.Max(range.FromSubscriberId, from);
            var hi = Math.Min(range.ToSubscriberId, to);
            var ids = db.Subscribers.AsNoTracking().WantingIn(alert, lo, hi).Select(s => s.Id).AsAsyncEnumerable();
            await foreach (var id in ids.WithCancellation(ct))
                if (!missed.Contains(id)) received.Add(id);
        }
        return received;
    }
}
