using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Delivery;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>
/// Y2 on several nodes: the node that plans an alert's batches tells the others, which wake at once (PostgreSQL
/// NOTIFY) instead of at their next poll.
/// </summary>
public sealed class PostgresWakeupsTests
{
    [Fact]
    public async Task Y2_PlanningAnAlert_AnnouncesIt_OnceAndOnlyWhenSomethingWasPlanned()
    {
        using var f = new WorkflowFixture();
        var signal = new DeliverySignal();
        var announced = 0;
        signal.Planned += () => announced++;
        var options = new DeliveryOptions { BatchSize = 10, Connections = 2, RetryDelay = TimeSpan.FromMilliseconds(10) };
        var runner = new DeliveryRunner(f.Open, new RecordingTransport(), new AlertMessageFactory(f.Book.Book, options),
            options, f.Clock) { Signal = signal };
        await runner.RunOnceAsync();
        Assert.Equal(0, announced); // nothing to plan
        await using (var db = f.Open())
        {
            f.Subscribe(db, "a@example.jp");
            await db.SaveChangesAsync();
        }
        await f.SentAlert();
        await runner.RunOnceAsync();
        Assert.Equal(1, announced);
        await runner.RunOnceAsync();
        Assert.Equal(1, announced); // planned once, not again
    }

    [SkippableFact]
    public async Task Y2_ANodeThatPlanned_WakesTheOtherNodesWorker_OnPostgres()
    {
        var reason = TestPostgres.SkipReason();
        Skip.If(reason is not null, reason);
        await using var nodes = await TwoNodes.StartAsync();
        var (a, b) = (nodes.A, nodes.B);
        Assert.False(await b.WaitAsync(TimeSpan.FromMilliseconds(100), default)); // nothing yet

        a.AnnouncePlanned();
        Assert.True(await b.WaitAsync(TimeSpan.FromMinutes(1), default));
        Assert.True(await a.WaitAsync(TimeSpan.FromMinutes(1), default)); // its own worker hears it too: harmless

    }

    [SkippableFact]
    public async Task Y13_AListeningConnectionThatDies_IsOpenedAgain_AndWakeUpsGoOn()
    {
        var reason = TestPostgres.SkipReason();
        Skip.If(reason is not null, reason);
        await using var nodes = await TwoNodes.StartAsync();
        var (database, a, b) = (nodes.Database, nodes.A, nodes.B);

        // The server ends every listening session (as a failover or an administrator would).
        await using (var admin = new Npgsql.NpgsqlConnection(database.Options.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()",
                admin);
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
        }
        // Announced until the other node hears it: it listens again after its pause (5 s), within the ceiling.
        var woken = false;
        for (var i = 0; i < 60 && !woken; i++)
        {
            a.AnnouncePlanned();
            woken = await b.WaitAsync(TimeSpan.FromSeconds(2), default);
        }
        Assert.True(woken);
    }

    /// <summary>Two nodes' wake-ups on one fresh PostgreSQL database, both listening.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly PostgresWakeups _onA, _onB;

        private TwoNodes()
        {
            _onA = new PostgresWakeups(Database.Options, A, NullLogger<PostgresWakeups>.Instance);
            _onB = new PostgresWakeups(Database.Options, B, NullLogger<PostgresWakeups>.Instance);
        }

        public TestDatabase Database { get; } = new(StorageOptions.Postgres);
        public DeliverySignal A { get; } = new();
        public DeliverySignal B { get; } = new();

        public static async Task<TwoNodes> StartAsync()
        {
            var nodes = new TwoNodes();
            await nodes._onA.StartAsync(default);
            await nodes._onB.StartAsync(default);
            await Task.WhenAll(nodes._onA.Listening, nodes._onB.Listening);
            return nodes;
        }

        public async ValueTask DisposeAsync()
        {
            await _onA.StopAsync(default);
            await _onB.StopAsync(default);
            _onA.Dispose();
            _onB.Dispose();
            Database.Dispose();
        }
    }
}
