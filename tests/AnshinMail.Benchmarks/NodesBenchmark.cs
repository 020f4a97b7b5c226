using System.Diagnostics;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AnshinMail.Benchmarks;

/// <summary>
/// Issue 15: one alert fanned out to N subscribers on PostgreSQL by one node, or by two (this process and a
/// <see cref="NodeProcess"/>), into Postfix's smtp-sink. Each node is the library's services with the delivery
/// worker (<c>AddAnshinMail</c>), as in the web app: the alert is sent through node A's workflow, A's worker wakes,
/// plans and tells B. smtp-source's raw limit into the same sink right before and right after, with as many
/// sessions as the nodes together. A warm-up alert to 20,000 others goes first through the same nodes.
/// </summary>
internal static class NodesBenchmark
{
    private const int WarmUpSubscribers = 20_000;
    private const string WarmUpArea = "小川村", Area = "長野市北部";

    public static async Task Run(string admin, int subscribers, int connections, int nodes)
    {
        var clock = new BenchmarkParts.FixedClock(BenchmarkParts.Afternoon);
        using var database = new PostgresDatabase(admin);
        var storage = database.Storage;
        var port = BenchmarkParts.FreePort();
        using var sink = BenchmarkParts.Start("smtp-sink", $"-u nobody 127.0.0.1:{port} 1000");
        await Task.Delay(500);
        BenchmarkParts.Seed(storage, WarmUpSubscribers, "warmup", [WarmUpArea], clock);
        BenchmarkParts.Seed(storage, subscribers, "resident", [Area, "信濃町"], clock);
        database.Analyze();
        using var counter = new NodeProcess.DeliveredCounter();
        using var nodeA = NodeProcess.Build(storage, port, connections, "node-a", clock);
        await nodeA.StartAsync();
        using var other = nodes > 1 ? StartNode(storage, port, connections) : null;

        var warmTime = await SendAndWait(nodeA, storage, WarmUpArea);
        Console.WriteLine($"warm-up: {WarmUpSubscribers:N0} by {nodes} node(s) in {warmTime.TotalSeconds:0.0} s, node-a {counter.Delivered:N0}");
        var size = MessageSize(storage);
        var rawBefore = await BenchmarkParts.RawLimit(connections * nodes, subscribers, size, port);
        GC.Collect();
        other?.StandardInput.WriteLine("mark");
        counter.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var busy = BenchmarkParts.MachineBusy();
        var elapsed = await SendAndWait(nodeA, storage, Area);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        busy = BenchmarkParts.MachineBusy() - busy;
        var mine = counter.Delivered;
        var rawAfter = await BenchmarkParts.RawLimit(connections * nodes, subscribers, size, port);
        var otherReport = Stop(other);
        await nodeA.StopAsync();
        await using var db = new AnshinDbContext(storage.Build());
        var alert = await db.Alerts.OrderBy(a => a.Id).LastAsync();
        var rate = alert.Delivered / elapsed.TotalSeconds;
        var raw = (rawBefore + rawAfter) / 2;
        Console.WriteLine($"PostgreSQL fan-out, {nodes} node(s) × {connections} connections: {alert.Delivered:N0} of {alert.Recipients:N0} delivered ({alert.Failed} failed, status {alert.Status}) in {elapsed.TotalSeconds:0.00} s (from 送信 to 送信済) = {rate:N0} msg/s; message ≈ {size:N0} bytes");
        Console.WriteLine($"  node-a {mine:N0} messages, CPU {cpu.TotalSeconds:0.0} s; {otherReport ?? "no second node"}");
        Console.WriteLine($"  machine busy {busy.TotalSeconds / elapsed.TotalSeconds:0.00} of {Environment.ProcessorCount} cores (PostgreSQL, sink, nodes); peak working set node-a {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB (seeding included)");
        Console.WriteLine($"smtp-source -d -s {connections * nodes}, {subscribers:N0} × {size:N0} bytes: {rawBefore:N0} msg/s before, {rawAfter:N0} after, mean {raw:N0}");
        Console.WriteLine($"ratio AnshinMail / raw limit: {rate / raw:0.00}");
        if (!sink.HasExited) sink.Kill();
    }

    /// <summary>Sends an alert through node A's workflow; the time from its release until it is 送信済.</summary>
    private static async Task<TimeSpan> SendAndWait(IHost node, StorageOptions storage, string area)
    {
        long id;
        using (var scope = node.Services.CreateScope())
            id = await BenchmarkParts.SendOne(scope.ServiceProvider.GetRequiredService<WorkflowContext>(),
                scope.ServiceProvider.GetRequiredService<PolicyEngine>(), area);
        var watch = Stopwatch.StartNew(); // from the release (送信) on
        while (true)
        {
            await using var db = new AnshinDbContext(storage.Build());
            if (await db.Alerts.AnyAsync(a => a.Id == id && a.Status == AlertStatus.Sent)) return watch.Elapsed;
            await Task.Delay(20);
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

    private static int MessageSize(StorageOptions storage)
    {
        using var db = new AnshinDbContext(storage.Build());
        var book = AnshinMail.Rules.PolicyBooks.PolicyBook.Load(Repository.Find("rules/nagano.json"));
        using var message = new AnshinMail.Rules.Delivery.AlertMessageFactory(book, new AnshinMail.Rules.Delivery.DeliveryOptions())
            .Build(db.Alerts.First(), db.Subscribers.First(), BenchmarkParts.Afternoon);
        return message.ToString().Length;
    }
}
