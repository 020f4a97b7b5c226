using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AnshinMail.Rules.Nodes;

/// <summary>
/// Y2 on several nodes: when one node has planned an alert's batches, the others join the fan-out at once instead of
/// at their next poll. On PostgreSQL the planning node sends <c>NOTIFY anshinmail_delivery</c>; every node listens on
/// a connection of its own and wakes its delivery worker. A lost notification costs only time: every node still
/// polls. The listening connection is checked each quiet minute and opened again after a failure.
/// </summary>
internal sealed class PostgresWakeups(StorageOptions storage, DeliverySignal signal, ILogger<PostgresWakeups> log)
    : BackgroundService
{
    internal const string Channel = "anshinmail_delivery";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Planned += Announce;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Listening for other nodes' deliveries failed; trying again in 5 s");
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }
        }
        finally
        {
            signal.Planned -= Announce;
        }
    }

    /// <summary>Resolves when this node is listening (for tests).</summary>
    internal Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, _) => signal.Notify();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        _listening.TrySetResult();
        while (true)
        {
            // A connection that died without a word (a failover, a dropped route) is found by a query each minute
            // without a notification; the query fails and the loop opens a new one.
            if (await connection.WaitAsync(TimeSpan.FromMinutes(1), ct)) continue;
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteNonQueryAsync(ct);
        }
    }

    private void Announce() => _ = Task.Run(async () =>
    {
        try
        {
            await using var connection = new NpgsqlConnection(storage.ConnectionString);
            await connection.OpenAsync();
            await using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection);
            await notify.ExecuteNonQueryAsync();
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not tell the other nodes about planned batches (they find them at their next poll)");
        }
    });
}
