using AnshinMail.Rules.Storage;
using Microsoft.Extensions.Hosting;

namespace AnshinMail.Rules.Workflow.Notices;

/// <summary>Retries staff notices that could not be sent at once (relay down), and sends any left unsent by a
/// stop between an operation's commit and its mail.</summary>
internal sealed class StaffNoticeWorker(Func<AnshinDbContext> open, StaffNoticeMailer mailer, TimeProvider clock,
    Nodes.NodeOptions? node = null) : BackgroundService
{
    /// <summary>How long a failed notice waits before the next try.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryAfter, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away for a moment (the lease could not be read): the next pass tries again.
            }
        }
    }

    /// <summary>One pass, on one node at a time: another node's pass sends them now.</summary>
    public async Task DispatchOnceAsync(CancellationToken ct)
    {
        await using var job = await new Nodes.JobLeases(open, node ?? new Nodes.NodeOptions(), clock)
            .TakeAsync(Nodes.NodeJobs.StaffNotices, ct);
        if (job is null) return;
        await using var db = open();
        await mailer.DispatchAsync(db, RetryAfter, ct);
    }
}
