using System.Diagnostics;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Benchmarks;

/// <summary>
/// Issue 15: one alert fanned out to N subscribers on PostgreSQL by one node, or by two (this process and a
/// <see cref="NodeProcess"/>), into Postfix's smtp-sink; smtp-source's raw limit into the same sink right before
/// and right after, with as many sessions as both nodes together. A warm-up alert to 20,000 others goes first
/// through the same nodes, so that what is measured is workers that have sent before.
/// </summary>
internal static class NodesBenchmark
{
    private const int WarmUpSubscribers = 20_000;
    private const string WarmUpArea = "小川村", Area = "長野市北部";

    public static async Task Run(string admin, int subscribers, int connections, int nodes)
    {
        var book = PolicyBook.Load(Repository.Find("rules/nagano.json"));
        var engine = new PolicyEngine(book);
        var clock = new BenchmarkParts.FixedClock(BenchmarkParts.Afternoon);
        using var database = new PostgresDatabase(admin);
        var storage = database.Storage;
        var port = BenchmarkParts.FreePort();
        using var sink = BenchmarkParts.Start("smtp-sink", $"-u nobody 127.0.0.1:{port} 1000");
        await Task.Delay(500);
        BenchmarkParts.Seed(storage, WarmUpSubscribers, "warmup", [WarmUpArea], clock);
        BenchmarkParts.Seed(storage, subscribers, "resident", [Area, "信濃町"], clock);
        database.Analyze();
        var options = new DeliveryOptions
        {
            Transport = "smtp", Host = "127.0.0.1", Port = port, Connections = connections, BatchSize = 500,
            MessagesPerConnection = 1_000_000,
        };
        var runner = new DeliveryRunner(() => new AnshinDbContext(storage.Build()), MailTransports.Create(options),
            new AlertMessageFactory(book, options), options, clock, node: new NodeOptions { Id = "node-a" });
        using var other = nodes > 1 ? StartNode(storage, port, connections) : null;

        var warm = await BenchmarkParts.SendOne(storage, engine, clock, WarmUpArea);
        var (warmDelivered, warmTime) = await UntilSent(runner, storage, warm);
        Console.WriteLine($"warm-up: {WarmUpSubscribers:N0} by {nodes} node(s), this node {warmDelivered:N0}, {WarmUpSubscribers / warmTime.TotalSeconds:N0} msg/s");
        var size = MessageSize(book, options, storage, warm, clock);
        var rawBefore = await BenchmarkParts.RawLimit(connections * nodes, subscribers, size, port);
        GC.Collect();
        other?.StandardInput.WriteLine("mark");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var busy = BenchmarkParts.MachineBusy();
        var alertId = await BenchmarkParts.SendOne(storage, engine, clock, Area);
        var (delivered, elapsed) = await UntilSent(runner, storage, alertId);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        busy = BenchmarkParts.MachineBusy() - busy;
        var rawAfter = await BenchmarkParts.RawLimit(connections * nodes, subscribers, size, port);
        var otherReport = Stop(other);
        await using var db = new AnshinDbContext(storage.Build());
        var alert = await db.Alerts.SingleAsync(a => a.Id == alertId);
        var rate = alert.Delivered / elapsed.TotalSeconds;
        var raw = (rawBefore + rawAfter) / 2;
        Console.WriteLine($"PostgreSQL fan-out, {nodes} node(s) × {connections} connections: {alert.Delivered:N0} of {alert.Recipients:N0} delivered ({alert.Failed} failed, status {alert.Status}) in {elapsed.TotalSeconds:0.00} s = {rate:N0} msg/s; message ≈ {size:N0} bytes");
        Console.WriteLine($"  node-a {delivered:N0} messages, CPU {cpu.TotalSeconds:0.0} s; {otherReport ?? "no second node"}");
        Console.WriteLine($"  machine busy {busy.TotalSeconds / elapsed.TotalSeconds:0.00} of {Environment.ProcessorCount} cores (PostgreSQL, sink, nodes); peak working set node-a {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
        Console.WriteLine($"smtp-source -d -s {connections * nodes}, {subscribers:N0} × {size:N0} bytes: {rawBefore:N0} msg/s before, {rawAfter:N0} after, mean {raw:N0}");
        Console.WriteLine($"ratio AnshinMail / raw limit: {rate / raw:0.00}");
        if (!sink.HasExited) sink.Kill();
    }

    /// <summary>Runs passes on this node until the alert is sent (the other node works meanwhile).</summary>
    private static async Task<(long Delivered, TimeSpan Elapsed)> UntilSent(DeliveryRunner runner,
        StorageOptions storage, long alertId)
    {
        var watch = Stopwatch.StartNew();
        long delivered = 0;
        while (true)
        {
            var pass = await runner.RunOnceAsync();
            delivered += pass.Delivered;
            await using var db = new AnshinDbContext(storage.Build());
            if (await db.Alerts.AnyAsync(a => a.Id == alertId && a.Status == AlertStatus.Sent))
                return (delivered, watch.Elapsed);
            if (pass.BatchesDone == 0) await Task.Delay(20);
        }
    }

    private static Process StartNode(StorageOptions storage, int port, int connections)
    {
        var self = typeof(NodesBenchmark).Assembly.Location;
        var node = Process.Start(new ProcessStartInfo("dotnet",
            ["exec", self, "node", storage.ConnectionString, port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                connections.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("the second node did not start");
        if (node.StandardOutput.ReadLine() != "ready") throw new InvalidOperationException("the second node failed");
        return node;
    }

    private static string? Stop(Process? node)
    {
        if (node is null) return null;
        node.StandardInput.Close();
        var report = node.StandardOutput.ReadToEnd().Trim();
        node.WaitForExit();
        return report;
    }

    private static int MessageSize(PolicyBook book, DeliveryOptions options, StorageOptions storage, long alertId,
        TimeProvider clock)
    {
        using var db = new AnshinDbContext(storage.Build());
        using var message = new AlertMessageFactory(book, options).Build(db.Alerts.Single(a => a.Id == alertId),
            db.Subscribers.First(), clock.GetUtcNow());
        return message.ToString().Length;
    }
}
