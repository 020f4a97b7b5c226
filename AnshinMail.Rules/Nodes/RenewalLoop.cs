namespace AnshinMail.Rules.Nodes;

/// <summary>Renews what a node holds every <see cref="NodeOptions.RenewEvery"/> until stopped.</summary>
internal sealed class RenewalLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RenewalLoop(NodeOptions node, TimeProvider clock, Func<CancellationToken, Task> renew) =>
        _loop = Run(node.RenewEvery, clock, renew, _stop.Token);

    private static async Task Run(TimeSpan every, TimeProvider clock, Func<CancellationToken, Task> renew,
        CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stop);
                await renew(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // The database is away for a moment: the next tick tries again; the lease may lapse meanwhile,
                // and then the conditional checkpoint keeps the counts right.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
