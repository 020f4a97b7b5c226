namespace AnshinMail.Rules.Nodes;

/// <summary>A job this node holds: renewed while it runs, released when disposed.</summary>
internal sealed class HeldJob : IAsyncDisposable
{
    private readonly JobLeases _leases;
    private readonly string _name;
    private readonly CancellationTokenSource _lost = new();
    private readonly RenewalLoop _renewal;

    internal HeldJob(JobLeases leases, string name, NodeOptions node, TimeProvider clock)
    {
        (_leases, _name) = (leases, name);
        _renewal = new RenewalLoop(node, clock, async ct =>
        {
            if (!await _leases.RenewAsync(_name, ct)) await _lost.CancelAsync();
        });
    }

    /// <summary>Cancelled when the lease was lost (this node stalled past it and another took the job).</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Stops renewing and releases the job for the next pass of any node.</summary>
    public async ValueTask DisposeAsync()
    {
        await _renewal.DisposeAsync();
        await _leases.ReleaseAsync(_name);
        _lost.Dispose();
    }
}
