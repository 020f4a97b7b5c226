using System.Diagnostics;
using System.Text.Json;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// T5, Y9.3, issue 15: one alert among 1,000,000 subscribers on PostgreSQL (written with COPY). Who wants it is
/// decided in SQL — every query that reads subscribers carries the category/area test — and the alert reaches
/// exactly the subscribers <see cref="Subscriber.Wants"/> picks in memory: confirmed, not paused, not suspended,
/// the category chosen, one of the areas chosen. Nobody else, nobody twice.
/// </summary>
public sealed class MillionSubscribersTests(ITestOutputHelper output)
{
    private const int Subscribers = 1_000_000;
    private static readonly JsonSerializerOptions Json =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [SkippableFact]
    public async Task T5_OneAlertAmongAMillionSubscribers_OnPostgres_ReachesExactlyThoseWhoWantIt()
    {
        var reason = TestPostgres.SkipReason();
        Skip.If(reason is not null, reason);
        using var f = new WorkflowFixture(provider: StorageOptions.Postgres);
        var book = f.Book;
        var areas = book.Book.AllAreas.ToList();
        var categories = book.Book.Categories.Select(c => c.Id).ToList();
        var watch = Stopwatch.StartNew();
        var expected = await CopyAsync(f, areas, categories, book.ChildCategory.Id, book.Area);
        output.WriteLine($"COPY {Subscribers:N0} subscribers: {watch.Elapsed.TotalSeconds:0.0} s, {expected.Count:N0} want it");
        Assert.InRange(expected.Count, 2_000, 20_000);

        var sent = await f.SentAlert(book.ChildCategory.Id, [book.Area]);
        var commands = new List<string>();
        var transport = new AddressTransport();
        var options = new DeliveryOptions { BatchSize = 500, Connections = 2, RetryDelay = TimeSpan.FromMilliseconds(10) };
        var runner = new DeliveryRunner(() => Logged(f, commands), transport,
            new AlertMessageFactory(book.Book, options), options, f.Clock);
        watch.Restart();
        var pass = await runner.RunOnceAsync();
        output.WriteLine($"plan + fan-out: {watch.Elapsed.TotalSeconds:0.0} s, {pass.Delivered:N0} delivered");

        Assert.Null(pass.Error);
        Assert.Equal(expected.Count, pass.Delivered);
        Assert.Equal(expected.Select(e => $"s{e:0000000}@example.jp").Order(), transport.To.Order());
        await using var db = f.Open();
        var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.Equal(AlertStatus.Sent, alert.Status);
        Assert.Equal(expected.Count, alert.Recipients);
        Assert.Equal(expected.Count, alert.Delivered);
        Assert.Equal((expected.Count + 499) / 500, await db.DeliveryBatches.CountAsync(b => b.AlertId == alert.Id));
        var ofSubscribers = commands.Where(c => c.Contains("FROM subscribers", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ofSubscribers);
        Assert.All(ofSubscribers, c => Assert.Contains("strpos", c, StringComparison.Ordinal));
    }

    /// <summary>Writes the subscribers with COPY; returns the numbers of those who want a child-safety alert for
    /// <paramref name="area"/>, decided in memory by <see cref="Subscriber.Wants"/>.</summary>
    private static async Task<List<int>> CopyAsync(WorkflowFixture f, List<string> areas, List<string> categories,
        string category, string area)
    {
        var expected = new List<int>();
        await using var connection = new NpgsqlConnection(f.File.Options.ConnectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY subscribers ("Email", "Categories", "Areas", "Confirmed", "CreatedAt", "Token", "Paused", "Suspended", "PermanentFailures") FROM STDIN (FORMAT BINARY)"""))
        {
            var created = f.Clock.GetUtcNow().UtcTicks;
            for (var i = 0; i < Subscribers; i++)
            {
                var s = Generated(i, areas, categories);
                if (s.Wants(category, [area])) expected.Add(i);
                await copy.StartRowAsync();
                await copy.WriteAsync(s.Email, NpgsqlDbType.Varchar);
                await copy.WriteAsync(JsonSerializer.Serialize(s.Categories, Json), NpgsqlDbType.Varchar);
                await copy.WriteAsync(JsonSerializer.Serialize(s.Areas, Json), NpgsqlDbType.Varchar);
                await copy.WriteAsync(s.Confirmed, NpgsqlDbType.Boolean);
                await copy.WriteAsync(created, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Token, NpgsqlDbType.Varchar);
                await copy.WriteAsync(s.Paused, NpgsqlDbType.Boolean);
                await copy.WriteAsync(s.Suspended, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE subscribers", connection);
        await analyze.ExecuteNonQueryAsync();
        return expected;
    }

    /// <summary>Subscriber <paramref name="i"/>: one or two areas, one or two categories (or others), and every
    /// tenth unconfirmed, every 17th paused, every 19th suspended. A quarter chose a name that contains a book area
    /// (「…北部」, as 南木曽町 contains 木曽町): the SQL test must match whole items, not substrings.</summary>
    private static Subscriber Generated(int i, List<string> areas, List<string> categories) => new()
    {
        Email = $"s{i:0000000}@example.jp", Token = $"t{i:0000000}",
        Areas = (i % 4) switch
        {
            0 => [areas[i % areas.Count], areas[i * 7 % areas.Count]],
            2 => [areas[i % areas.Count] + "北部"],
            _ => [areas[i % areas.Count]],
        },
        Categories = (i % 3) switch
        {
            0 => [categories[0]],
            1 => [categories[^1], categories[0]],
            _ => [categories[i % categories.Count == 0 ? 1 : i % categories.Count]],
        },
        Confirmed = i % 10 != 0, Paused = i % 17 == 0, Suspended = i % 19 == 0,
    };

    private static AnshinDbContext Logged(WorkflowFixture f, List<string> commands)
    {
        var options = new DbContextOptionsBuilder<AnshinDbContext>();
        f.File.Options.Configure(options).LogTo(c => { lock (commands) commands.Add(c); },
            [RelationalEventId.CommandExecuted], LogLevel.Information);
        return new AnshinDbContext(options.Options);
    }

    /// <summary>Keeps only each message's recipient: a million-row test cannot keep a copy of every message.</summary>
    private sealed class AddressTransport : IMailTransport
    {
        public System.Collections.Concurrent.ConcurrentBag<string> To { get; } = [];

        public string Describe() => "addresses";

        public Task<IMailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IMailSession>(new Session(this));

        private sealed class Session(AddressTransport owner) : IMailSession
        {
            public Task<SendResult> SendAsync(MimeKit.MimeMessage message, CancellationToken ct)
            {
                foreach (var to in message.To.Mailboxes) owner.To.Add(to.Address);
                return Task.FromResult(SendResult.Accepted);
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
