using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Nodes;

/// <summary>
/// SQLite: read a candidate, then a compare-and-set on its lease expiry in a transaction. SQLite has one writer at
/// a time, so of two nodes that read the same candidate exactly one update matches; the other reads again.
/// </summary>
internal sealed class SqliteBatchClaim : BatchClaim
{
    public override async Task<ClaimedBatch?> NextAsync(AnshinDbContext db, IReadOnlyCollection<long> alerts,
        string node, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        while (true)
        {
            var candidate = await db.DeliveryBatches.AsNoTracking()
                .Where(b => !b.Done && alerts.Contains(b.AlertId) && (b.LeaseUntil == null || b.LeaseUntil < now))
                .OrderBy(b => b.AlertId).ThenBy(b => b.Id)
                .Select(b => new { b.Id, b.AlertId, b.LeaseUntil }).FirstOrDefaultAsync(ct);
            if (candidate is null) return null;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var won = await db.DeliveryBatches
                .Where(b => b.Id == candidate.Id && !b.Done && b.LeaseUntil == candidate.LeaseUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeaseOwner, node).SetProperty(b => b.LeaseUntil, until),
                    ct);
            await tx.CommitAsync(ct);
            if (won == 1) return new ClaimedBatch(candidate.Id, candidate.AlertId);
        }
    }
}
