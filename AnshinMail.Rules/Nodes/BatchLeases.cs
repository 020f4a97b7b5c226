using System.Collections.Concurrent;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Nodes;

/// <summary>
/// The batches one node works on during a pass: claimed with a lease, renewed while the node works on them,
/// released when it stops early. A batch whose lease this node lost (it stalled past the lease and another node
/// claimed it) is reported, and its checkpoint will not match.
/// </summary>
internal sealed class BatchLeases : IAsyncDisposable
{
    private readonly Func<AnshinDbContext> _contexts;
    private readonly NodeOptions _node;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<long, bool> _held = new();
    private readonly RenewalLoop _renewal;

    /// <summary>Starts renewing (nothing is held yet).</summary>
    public BatchLeases(Func<AnshinDbContext> contexts, NodeOptions node, TimeProvider clock)
    {
        (_contexts, _node, _clock) = (contexts, node, LeaseClock.Of(clock));
        _renewal = new RenewalLoop(node, _clock, RenewAsync);
    }

    /// <summary>This node's id, the owner the checkpoint must still find on the batch.</summary>
    public string Node => _node.Id;

    /// <summary>Claims the next free batch of <paramref name="alerts"/>, or null when none is free.</summary>
    public async Task<ClaimedBatch?> ClaimAsync(AnshinDbContext db, IReadOnlyCollection<long> alerts,
        CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var claimed = await BatchClaim.For(db).NextAsync(db, alerts, _node.Id, now, now + _node.Lease, ct);
        if (claimed is not null) _held[claimed.Id] = true;
        return claimed;
    }

    /// <summary>False once this node's lease on the batch was found taken by another node.</summary>
    public bool StillHeld(long batchId) => _held.TryGetValue(batchId, out var held) && held;

    /// <summary>The batch was checkpointed (which cleared its lease): nothing more to renew.</summary>
    public void Done(long batchId) => _held.TryRemove(batchId, out _);

    /// <summary>Gives a batch back undone (relay down, alert stopped), for any node's next pass.</summary>
    public async Task ReleaseAsync(long batchId)
    {
        _held.TryRemove(batchId, out _);
        await using var db = _contexts();
        await db.DeliveryBatches.Where(b => b.Id == batchId && !b.Done && b.LeaseOwner == _node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        var ids = _held.Where(h => h.Value).Select(h => h.Key).ToList();
        if (ids.Count == 0) return;
        await using var db = _contexts();
        var until = _clock.GetUtcNow() + _node.Lease;
        await db.DeliveryBatches.Where(b => ids.Contains(b.Id) && !b.Done && b.LeaseOwner == _node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeaseUntil, until), ct);
        var mine = await db.DeliveryBatches.AsNoTracking()
            .Where(b => ids.Contains(b.Id) && b.LeaseOwner == _node.Id).Select(b => b.Id).ToListAsync(ct);
        foreach (var id in ids.Except(mine)) _held.TryUpdate(id, false, true);
    }

    /// <summary>Stops renewing.</summary>
    public ValueTask DisposeAsync() => _renewal.DisposeAsync();
}
