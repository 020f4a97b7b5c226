using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Delivery;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>
/// Y13 (around the clock, on more than one machine): nodes on one database share an alert's batches by lease; a
/// batch in a dead node's hands waits for its lease to expire, then another node sends it; counters stay exact.
/// </summary>
public sealed class BatchLeaseTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static readonly NodeOptions A = new() { Id = "node-a" }, B = new() { Id = "node-b" };

    private async Task Subscribers(int count)
    {
        await using var db = _f.Open();
        for (var i = 0; i < count; i++) _f.Subscribe(db, $"n{i:00000}@example.jp");
        await db.SaveChangesAsync();
    }

    private DeliveryRunner Runner(TestSmtpServer smtp, NodeOptions node)
    {
        var options = new DeliveryOptions
        {
            Transport = "smtp", Host = "127.0.0.1", Port = smtp.Port, BatchSize = 10, Connections = 2,
        };
        return new DeliveryRunner(_f.Open, MailTransports.Create(options), new AlertMessageFactory(TestBook.Book, options),
            options, _f.Clock, node: node);
    }

    [Fact]
    public async Task Y13_TwoNodesAtOnce_EveryRecipientExactlyOnce_CountersExact()
    {
        await Subscribers(300);
        await using var smtp = new TestSmtpServer().Start();
        var sent = await _f.SentAlert();
        // Planning is one node's job: plan first, so that both nodes then compete for the same 30 batches.
        await using (var db = _f.Open())
            await new DeliveryPlanner(new DeliveryOptions { BatchSize = 10 }, _f.Clock).PlanAsync(db, default);

        var passes = await Task.WhenAll(Runner(smtp, A).RunOnceAsync(), Runner(smtp, B).RunOnceAsync());

        Assert.Equal(30, passes.Sum(p => p.BatchesDone));
        Assert.Equal(300, passes.Sum(p => p.Delivered));
        Assert.Equal(300, smtp.MessageIds.Count());
        Assert.Equal(300, smtp.MessageIds.Distinct().Count());
        await using var check = _f.Open();
        var alert = await check.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.Equal((AlertStatus.Sent, 300, 0), (alert.Status, alert.Delivered, alert.Failed));
        Assert.Equal(300, await check.DeliveryBatches.SumAsync(b => b.Delivered));
        Assert.DoesNotContain(await check.DeliveryBatches.ToListAsync(), b => b.LeaseOwner is not null);
    }

    [Fact]
    public async Task Y13_ADeadNodesBatch_WaitsForItsLease_ThenAnotherNodeSendsIt_ItsLateCheckpointCountsNothing()
    {
        await Subscribers(40);
        await using var smtp = new TestSmtpServer().Start();
        var sent = await _f.SentAlert();
        await using (var db = _f.Open())
            await new DeliveryPlanner(new DeliveryOptions { BatchSize = 10 }, _f.Clock).PlanAsync(db, default);
        // Node A claims the first batch and dies with it (no renewal: the clock stands still).
        ClaimedBatch dead;
        await using (var leases = new BatchLeases(_f.Open, A, _f.Clock))
        await using (var db = _f.Open())
            dead = (await leases.ClaimAsync(db, [sent.AlertId], default))!;

        var first = await Runner(smtp, B).RunOnceAsync();
        Assert.Equal((3, 30), (first.BatchesDone, first.Delivered));
        Assert.Equal(AlertStatus.Sending, (await Stored(sent.AlertId)).Status);

        _f.Clock.Advance(A.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await Runner(smtp, B).RunOnceAsync()).BatchesDone); // still A's

        _f.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal((1, 10), ((await Runner(smtp, B).RunOnceAsync()) is var p ? (p.BatchesDone, p.Delivered) : default));
        var alert = await Stored(sent.AlertId);
        Assert.Equal((AlertStatus.Sent, 40), (alert.Status, alert.Delivered));
        Assert.Equal(40, smtp.MessageIds.Distinct().Count());

        // A comes back from a long stall and checkpoints the batch it lost: nothing is written or counted twice.
        await using (var db = _f.Open())
        {
            var late = await new BatchCheckpoint(new DeliveryOptions(), _f.Clock, null).WriteAsync(db, dead, A.Id,
                alert, new BatchCheckpoint.Outcome(10, [], []), default);
            Assert.False(late);
        }
        Assert.Equal(40, (await Stored(sent.AlertId)).Delivered);
    }

    private async Task<Alert> Stored(long id)
    {
        await using var db = _f.Open();
        return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }
}
