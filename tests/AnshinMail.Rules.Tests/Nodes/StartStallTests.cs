using System.Data.Common;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>
/// Y9.4, Y13: an alert held for the opening is started by one node (the <c>delivery.planning</c> lease), but a node
/// can stall past its lease after it read the alert as due, while another node starts it. The stalled node must then
/// do nothing: no second start, relay request, ledger time or audit entry.
/// </summary>
public sealed class StartStallTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Y9_4_ANodeThatStalledWhileAnotherStartedTheHeldAlert_StartsNothing()
    {
        var b = _f.Book;
        _f.Clock.SetUtcNow(BookCases.On(2026, 11, 27, b.Closes.AddMinutes(10)));
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(b.Staff(), _f.InputInBook()));
        await _f.Do(w => new ApproveDraft(w).RunAsync(b.DutyOfficer(), draft.Id, _f.AllConfirmedInBook));
        var sent = await _f.Do(w => new SendAlert(w).RunAsync(b.Staff(), draft.Id, true));
        Assert.Equal(SendTiming.Hold, sent.Timing);
        _f.Clock.SetUtcNow(BookCases.On(2026, 11, 28, b.Opens.AddMinutes(1)));
        var started = _f.Clock.GetUtcNow();

        // Node A has read the alert as due and stalls before it starts it; node B starts it meanwhile, a minute later.
        var stall = new Stall(async () =>
        {
            await using var other = _f.Open();
            var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(started.AddMinutes(1));
            await new DeliveryPlanner(new DeliveryOptions(), later).StartDueAsync(other, default);
        });
        var stalledOptions = new DbContextOptionsBuilder<AnshinDbContext>(_f.File.Options.Build())
            .AddInterceptors(stall).Options;
        await using (var stalled = new AnshinDbContext(stalledOptions))
            await new DeliveryPlanner(new DeliveryOptions(), _f.Clock).StartDueAsync(stalled, default);
        Assert.True(stall.Ran);

        await using var check = _f.Open();
        var alert = await check.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.Equal(AlertStatus.Sending, alert.Status);
        Assert.Equal(started.AddMinutes(1), alert.StartedAt); // node B's start, not overwritten
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.Action == "alert.start-scheduled"));
    }

    /// <summary>Runs <paramref name="meanwhile"/> once, just before the planner's first transaction begins.</summary>
    private sealed class Stall(Func<Task> meanwhile) : DbTransactionInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                await meanwhile();
            }
            return result;
        }
    }
}
