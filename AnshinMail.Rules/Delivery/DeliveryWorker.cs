using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// The hosted background worker: runs the <see cref="DeliveryRunner"/> in a loop. Between passes it waits
/// for the poll interval or for a <see cref="DeliverySignal"/> (an alert was released), whichever comes
/// first. After a failed pass (relay down) it waits longer each time, up to a minute, and does not let
/// signals cut that short; unfinished batches are simply picked up again.
/// </summary>
public sealed class DeliveryWorker(
    DeliveryRunner runner, DeliveryOptions options, ILogger<DeliveryWorker> log, WebhookSender? webhooks = null,
    DeliverySignal? signal = null) : BackgroundService
{
    /// <summary>Runs delivery passes until the host stops.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await runner.RunOnceAsync(stoppingToken);
                if (webhooks is not null) await webhooks.RunOnceAsync(stoppingToken);
                failures = pass.Error is null ? 0 : failures + 1;
                if (pass.Error is not null) log.LogWarning("Delivery pass interrupted: {Error}", pass.Error);
                if (pass.BatchesDone > 0 && pass.Error is null) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                log.LogError(e, "Delivery pass failed");
            }
            var wait = failures == 0 ? options.PollInterval
                : TimeSpan.FromSeconds(Math.Min(60, options.PollInterval.TotalSeconds * Math.Pow(2, failures - 1)));
            try
            {
                if (failures == 0 && signal is not null) await signal.WaitAsync(wait, stoppingToken);
                else await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }
}
