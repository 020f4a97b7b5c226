using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Nodes;

/// <summary>
/// Named periodic jobs held by one node at a time: a compare-and-set on the job's row in <c>node_leases</c>
/// (the same on SQLite and PostgreSQL). A holder renews while it works and releases at the end; one that dies
/// leaves the lease to expire.
/// </summary>
internal sealed class JobLeases(Func<AnshinDbContext> contexts, NodeOptions node, TimeProvider clock)
{
    private readonly TimeProvider _clock = LeaseClock.Of(clock);

    /// <summary>Takes the job when no other node holds it; null when another does.</summary>
    public async Task<HeldJob?> TakeAsync(string name, CancellationToken ct = default)
    {
        await using var db = contexts();
        var now = _clock.GetUtcNow();
        var until = now + node.Lease;
        var taken = await db.NodeLeases.Where(l => l.Name == name && (l.Owner == null || l.Until < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, node.Id).SetProperty(l => l.Until, until), ct);
        if (taken == 0 && !await db.NodeLeases.AnyAsync(l => l.Name == name, ct))
        {
            db.NodeLeases.Add(new NodeLease { Name = name, Owner = node.Id, Until = until });
            try
            {
                taken = await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                taken = 0; // another node inserted the row first: it holds the job
            }
        }
        return taken == 1 ? new HeldJob(this, name, node, _clock) : null;
    }

    internal async Task<bool> RenewAsync(string name, CancellationToken ct)
    {
        await using var db = contexts();
        var until = _clock.GetUtcNow() + node.Lease;
        return await db.NodeLeases.Where(l => l.Name == name && l.Owner == node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, until), ct) == 1;
    }

    internal async Task ReleaseAsync(string name)
    {
        await using var db = contexts();
        await db.NodeLeases.Where(l => l.Name == name && l.Owner == node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null), CancellationToken.None);
    }
}
