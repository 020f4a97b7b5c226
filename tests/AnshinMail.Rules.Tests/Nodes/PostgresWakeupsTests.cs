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
        using var database = new TestDatabase(StorageOptions.Postgres);
        var (a, b) = (new DeliverySignal(), new DeliverySignal());
        using var onA = new PostgresWakeups(database.Options, a, NullLogger<PostgresWakeups>.Instance);
        using var onB = new PostgresWakeups(database.Options, b, NullLogger<PostgresWakeups>.Instance);
        await onA.StartAsync(default);
        await onB.StartAsync(default);
        await Task.WhenAll(onA.Listening, onB.Listening);
        Assert.False(await b.WaitAsync(TimeSpan.FromMilliseconds(100), default)); // nothing yet

        a.AnnouncePlanned();
        Assert.True(await b.WaitAsync(TimeSpan.FromMinutes(1), default));
        Assert.True(await a.WaitAsync(TimeSpan.FromMinutes(1), default)); // its own worker hears it too: harmless

        await onA.StopAsync(default);
        await onB.StopAsync(default);
    }

    [SkippableFact]
    public async Task Y13_AListeningConnectionThatDies_IsOpenedAgain_AndWakeUpsGoOn()
    {
        var reason = TestPostgres.SkipReason();
        Skip.If(reason is not null, reason);
        using var database = new TestDatabase(StorageOptions.Postgres);
        var (a, b) = (new DeliverySignal(), new DeliverySignal());
        using var onA = new PostgresWakeups(database.Options, a, NullLogger<PostgresWakeups>.Instance);
        using var onB = new PostgresWakeups(database.Options, b, NullLogger<PostgresWakeups>.Instance);
        await onA.StartAsync(default);
        await onB.StartAsync(default);
        await Task.WhenAll(onA.Listening, onB.Listening);

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
        await onA.StopAsync(default);
        await onB.StopAsync(default);
    }
}
