namespace AnshinMail.Rules.Delivery;

/// <summary>
/// Wakes the delivery worker when an alert is released, so that sending starts at once instead of at the
/// next poll (Y2: speed matters). Notifications that arrive while the worker is busy collapse into one.
/// </summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Wakes the worker (a no-op when it is already signalled).</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker's next pass sees this alert too.
        }
    }

    /// <summary>Raised when this node planned an alert's batches, for the other nodes (PostgreSQL: relayed by
    /// NOTIFY, see <see cref="Nodes.PostgresWakeups"/>) to join the fan-out at once, not at their next poll.</summary>
    internal event Action? Planned;

    /// <summary>Tells the other nodes that batches wait to be claimed.</summary>
    internal void AnnouncePlanned() => Planned?.Invoke();

    /// <summary>Waits until notified or until <paramref name="timeout"/>; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);
}
