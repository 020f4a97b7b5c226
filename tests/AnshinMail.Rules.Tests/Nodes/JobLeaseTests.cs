using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Tests.Workflow;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>Y13: a periodic job (releases, webhooks, staff notices) runs on one node at a time.</summary>
public sealed class JobLeaseTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static readonly NodeOptions A = new() { Id = "node-a" }, B = new() { Id = "node-b" };

    [Fact]
    public async Task Y13_OneNodeHoldsAJob_TheOtherSkipsIt_UntilReleasedOrExpired()
    {
        var a = new JobLeases(_f.Open, A, _f.Clock);
        var b = new JobLeases(_f.Open, B, _f.Clock);
        var held = await a.TakeAsync(NodeJobs.HeldRelease);
        Assert.NotNull(held);
        Assert.Null(await b.TakeAsync(NodeJobs.HeldRelease));
        Assert.Null(await a.TakeAsync(NodeJobs.HeldRelease)); // not twice on one node either
        await using (var other = await b.TakeAsync(NodeJobs.Webhooks)) Assert.NotNull(other); // another job is free
        await held!.DisposeAsync();

        // A node that died holding the job: its lease row stays, neither released nor renewed.
        await using (var db = _f.Open())
        {
            var row = db.NodeLeases.Single(l => l.Name == NodeJobs.HeldRelease);
            (row.Owner, row.Until) = ("node-dead", _f.Clock.GetUtcNow() + B.Lease);
            await db.SaveChangesAsync();
        }
        _f.Clock.Advance(B.Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await a.TakeAsync(NodeJobs.HeldRelease));
        _f.Clock.Advance(TimeSpan.FromSeconds(2));
        await using var taken = await a.TakeAsync(NodeJobs.HeldRelease);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task Y13_ManyTakersAtOnce_ExactlyOneGetsTheJob()
    {
        var nodes = Enumerable.Range(0, 8).Select(i => new JobLeases(_f.Open, new NodeOptions { Id = $"n{i}" }, _f.Clock));
        var held = await Task.WhenAll(nodes.Select(n => n.TakeAsync(NodeJobs.StaffNotices)));
        Assert.Single(held, h => h is not null);
        foreach (var h in held.Where(h => h is not null)) await h!.DisposeAsync();
    }
}
