using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Operations;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// A batch's checkpoint: done, counters, failures, held messages and suspensions in one transaction, all or nothing,
/// and only while this node still holds the batch's lease. A node that lost the lease (it stalled, and another node
/// claimed the batch) writes nothing, so every batch is counted once, by the node whose checkpoint matched.
/// </summary>
internal sealed class BatchCheckpoint(DeliveryOptions options, TimeProvider clock, DeliveryMetrics? metrics)
{
    /// <summary>What one batch came to.</summary>
    public sealed record Outcome(int Delivered, List<DeliveryFailure> Failures, List<HeldMessage> Held)
    {
        /// <summary>訓練: messages the drill kept back (handled, neither sent nor failed).</summary>
        public int Withheld { get; init; }
    }

    /// <summary>True when written; false when another node holds the batch now.</summary>
    public async Task<bool> WriteAsync(AnshinDbContext db, ClaimedBatch batch, string node, Alert alert,
        Outcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int delivered = outcome.Delivered, failed = outcome.Failures.Count, held = outcome.Held.Count;
        var withheld = outcome.Withheld;
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var mine = await db.DeliveryBatches.Where(b => b.Id == batch.Id && !b.Done && b.LeaseOwner == node)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Done, true)
                .SetProperty(b => b.Delivered, delivered)
                .SetProperty(b => b.Failed, failed)
                .SetProperty(b => b.DoneAt, now)
                .SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (mine == 0) return false; // disposing the transaction rolls it back
        db.DeliveryFailures.AddRange(outcome.Failures);
        db.HeldMessages.AddRange(outcome.Held);
        await db.SaveChangesAsync(CancellationToken.None);
        await db.Alerts.Where(a => a.Id == batch.AlertId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Delivered, a => a.Delivered + delivered)
            .SetProperty(a => a.Failed, a => a.Failed + failed)
            .SetProperty(a => a.Held, a => a.Held + held)
            .SetProperty(a => a.Withheld, a => a.Withheld + withheld)
            .SetProperty(a => a.LastError, (string?)null), CancellationToken.None);
        var permanent = outcome.Failures.Where(f => f.Permanent).Select(f => f.SubscriberId).ToList();
        await Suspensions.CountPermanentFailuresAsync(db, permanent, options.SuspendAfterPermanentFailures);
        await tx.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        metrics?.BatchDone(delivered, failed, held, now - (alert.StartedAt ?? now));
        return true;
    }
}
