using System.Data.Common;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>
/// Y13: planning an alert's batches is one node's job (the <c>delivery.planning</c> lease), but a node can stall
/// past its lease (a database failover, a long pause) after it read the alert as unplanned, while another node
/// takes the lease and plans it. The stalled node must then plan nothing: batches twice would mail every resident
/// twice and count everything twice.
/// </summary>
public sealed partial class PlanningStallTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Y13_ANodeThatStalledWhileAnotherPlannedTheAlert_PlansNothing()
    {
        await using (var db = _f.Open())
        {
            for (var i = 0; i < 25; i++) _f.Subscribe(db, $"p{i:00}@example.jp");
            await db.SaveChangesAsync();
        }
        var sent = await _f.SentAlert();
        var options = new DeliveryOptions { BatchSize = 10 };
        // Node A has read the alert as unplanned and stalls before it reads the recipients; node B plans meanwhile.
        var stall = new Stall(async () =>
        {
            await using var other = _f.Open();
            Assert.Equal(1, await new DeliveryPlanner(options, _f.Clock).PlanAsync(other, default));
        });
        var stalledOptions = new DbContextOptionsBuilder<AnshinDbContext>(_f.File.Options.Build())
            .AddInterceptors(stall).Options;
        await using (var stalled = new AnshinDbContext(stalledOptions))
        {
            var planned = await new DeliveryPlanner(options, _f.Clock).PlanAsync(stalled, default);
            Assert.Equal((0, true), (planned, stall.Ran));
        }

        await using var check = _f.Open();
        var batches = await check.DeliveryBatches.Where(b => b.AlertId == sent.AlertId).ToListAsync();
        Assert.Equal((3, 25), (batches.Count, batches.Sum(b => b.Planned)));
        Assert.Equal(25, (await check.Alerts.SingleAsync(a => a.Id == sent.AlertId)).Recipients);
    }

    /// <summary>Runs <paramref name="meanwhile"/> once, just before the planner reads the recipients.</summary>
    private sealed partial class Stall(Func<Task> meanwhile) : DbCommandInterceptor
    {
        [System.Text.RegularExpressions.GeneratedRegex("""FROM "?subscribers"?\s""",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
        private static partial System.Text.RegularExpressions.Regex Recipients();

        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
        {
            // The recipients' query (SQLite quotes the table's name, Npgsql does not).
            if (!Ran && Recipients().IsMatch(command.CommandText))
            {
                Ran = true;
                await meanwhile();
            }
            return result;
        }
    }
}
