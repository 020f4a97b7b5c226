using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>The hosted worker: a released alert wakes it; it does not wait for the next poll (Y2: speed matters).</summary>
public sealed class DeliveryWorkerTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Y2_ReleasingAnAlertWakesTheWorker_InsteadOfWaitingAnHourForThePoll()
    {
        await using (var db = _f.Open())
        {
            _f.Subscribe(db, "a@example.jp");
            await db.SaveChangesAsync();
        }
        var signal = new DeliverySignal();
        var transport = new RecordingTransport();
        var options = new DeliveryOptions { PollInterval = TimeSpan.FromHours(1), BatchSize = 10, Connections = 1 };
        using var worker = new DeliveryWorker(_f.Runner(transport, options), options, NullLogger<DeliveryWorker>.Instance, signal: signal);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await Release(signal);
            await Delivered(transport, 1);
            // Let the worker finish its passes and settle into its hour-long wait; only the signal can end it now.
            await Task.Delay(TimeSpan.FromSeconds(1));
            await Release(signal);
            await Delivered(transport, 2);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private async Task Release(DeliverySignal signal)
    {
        await using var db = _f.Open();
        var workflow = new AnshinMail.Rules.Workflow.WorkflowContext(db, TestBook.Engine, TestBook.Renderer, _f.Clock, signal);
        var draft = await new CreateDraft(workflow).RunAsync(Cases.Staff(), WorkflowFixture.Input());
        await new ApproveDraft(workflow).RunAsync(Cases.Distributor(), draft.Id, WorkflowFixture.AllConfirmed);
        await new SendAlert(workflow).RunAsync(Cases.Staff(), draft.Id, rechecked: true);
    }

    /// <summary>Waits for the messages; the minute is only a guard against hanging, not a speed requirement.</summary>
    private static async Task Delivered(RecordingTransport transport, int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (transport.Handed.Count < count)
            await Task.Delay(20, guard.Token);
    }
}
