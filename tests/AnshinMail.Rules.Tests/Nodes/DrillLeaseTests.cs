using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Drill;
using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>
/// Y13 in a drill (訓練) on two nodes: each node's drill clock shows the drill's start when that node starts, so a
/// node started (or restarted after a crash) ten minutes after the other shows a drill time ten minutes behind.
/// Leases are compared across nodes and must not depend on that: the node ahead does not take the other's live
/// leases, and the node behind takes a dead node's lease once it has really expired.
/// </summary>
public sealed class DrillLeaseTests : IDisposable
{
    private static readonly DateTimeOffset DrillStart = new(2026, 11, 28, 23, 30, 0, TimeSpan.FromHours(9));
    private static readonly NodeOptions A = new() { Id = "node-a" }, B = new() { Id = "node-b" };
    private readonly WorkflowFixture _f = new();
    private readonly DrillClock _ahead, _behind;

    public DrillLeaseTests()
    {
        _ahead = new DrillClock(DrillStart, _f.Clock); // node A, started at the drill's start
        _f.Clock.Advance(TimeSpan.FromMinutes(10));
        _behind = new DrillClock(DrillStart, _f.Clock); // node B, restarted ten minutes later: 23:30 again
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Y13_InADrill_TheNodeAheadDoesNotTakeAJobTheNodeBehindHolds()
    {
        await using var held = await new JobLeases(_f.Open, B, _behind).TakeAsync(NodeJobs.Planning);
        Assert.NotNull(held);
        Assert.Null(await new JobLeases(_f.Open, A, _ahead).TakeAsync(NodeJobs.Planning));
    }

    [Fact]
    public async Task Y13_InADrill_TheNodeBehindTakesADeadNodesJobOnceItsLeaseReallyExpired()
    {
        await using (var held = await new JobLeases(_f.Open, A, _ahead).TakeAsync(NodeJobs.HeldRelease))
        {
            Assert.NotNull(held);
            // Node A dies holding it: the lease stays as A wrote it, never renewed, never released.
            await using var db = _f.Open();
            await db.NodeLeases.Where(l => l.Name == NodeJobs.HeldRelease)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, "node-dead"));
        }
        _f.Clock.Advance(A.Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await new JobLeases(_f.Open, B, _behind).TakeAsync(NodeJobs.HeldRelease));
        _f.Clock.Advance(TimeSpan.FromSeconds(2));
        await using var taken = await new JobLeases(_f.Open, B, _behind).TakeAsync(NodeJobs.HeldRelease);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task Y13_InADrill_TheNodeAheadClaimsAnotherBatchThanTheOneTheNodeBehindIsSending()
    {
        await using (var db = _f.Open())
        {
            for (var i = 0; i < 20; i++) _f.Subscribe(db, $"d{i:00}@example.jp");
            await db.SaveChangesAsync();
        }
        var sent = await _f.SentAlert();
        await using (var db = _f.Open())
            await new DeliveryPlanner(new DeliveryOptions { BatchSize = 10 }, _f.Clock).PlanAsync(db, default);

        await using var behind = new BatchLeases(_f.Open, B, _behind);
        await using var ahead = new BatchLeases(_f.Open, A, _ahead);
        ClaimedBatch? first, second;
        await using (var db = _f.Open()) first = await behind.ClaimAsync(db, [sent.AlertId], default);
        await using (var db = _f.Open()) second = await ahead.ClaimAsync(db, [sent.AlertId], default);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first.Id, second.Id);
    }
}
