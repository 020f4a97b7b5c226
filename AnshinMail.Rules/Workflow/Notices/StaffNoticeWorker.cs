using AnshinMail.Rules.Storage;
using Microsoft.Extensions.Hosting;

namespace AnshinMail.Rules.Workflow.Notices;

/// <summary>Retries staff notices that could not be sent at once (relay down), and sends any left unsent by a
/// stop between an operation's commit and its mail.</summary>
internal sealed class StaffNoticeWorker(Func<AnshinDbContext> open, StaffNoticeMailer mailer, TimeProvider clock)
    : BackgroundService
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
            await using var db = open();
            await mailer.DispatchAsync(db, RetryAfter, stoppingToken);
        }
    }
}
