using System.Diagnostics;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;

namespace AnshinMail.Benchmarks;

/// <summary>
/// Fans one alert out to N subscribers into Postfix's smtp-sink on loopback, then measures the raw
/// limit of the same sink with smtp-source -d (same number of sessions, same message size).
/// </summary>
public static class DeliveryBenchmark
{
    public static async Task Run(int subscribers, int connections)
    {
        var book = PolicyBook.Load(Repository.Find("rules/nagano.json"));
        var engine = new PolicyEngine(book);
        var clock = new BenchmarkParts.FixedClock(BenchmarkParts.Afternoon);
        var dbPath = Path.Combine(Path.GetTempPath(), $"anshin-bench-{Guid.NewGuid():N}.db");
        var storage = new StorageOptions { ConnectionString = $"Data Source={dbPath}" };
        storage.Migrate();
        var port = BenchmarkParts.FreePort();
        using var sink = BenchmarkParts.Start("smtp-sink", $"-u nobody 127.0.0.1:{port} 1000");
        await Task.Delay(500);
        try
        {
            // Warm-up subscribers first (their own area), then the measured ones.
            BenchmarkParts.Seed(storage, WarmUpSubscribers, "warmup", [WarmUpArea], clock);
            BenchmarkParts.Seed(storage, subscribers, "resident", ["長野市北部", "信濃町"], clock);
            var options = new DeliveryOptions
            {
                Transport = "smtp", Host = "127.0.0.1", Port = port, Connections = connections, BatchSize = 500, MessagesPerConnection = 1_000_000,
            };
            var runner = new DeliveryRunner(() => new AnshinDbContext(storage.Build()), MailTransports.Create(options), new AlertMessageFactory(book, options), options, clock);
            await WarmUp(book, engine, options, storage, clock);
            var alertId = await BenchmarkParts.SendOne(storage, engine, clock, "長野市北部");
            var size = MessageSize(book, options, storage, alertId, clock);
            // The raw limit drifts on a shared VM: measure it right before and right after, and compare with the mean.
            var rawBefore = await BenchmarkParts.RawLimit(connections, subscribers, size, port);
            GC.Collect();
            Console.WriteLine($"fan-out of {subscribers:N0} starting (process {Environment.ProcessId})");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var pass = await runner.RunOnceAsync();
            sw.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"(process totals so far: user {Process.GetCurrentProcess().UserProcessorTime.TotalSeconds:0.0} s, system {Process.GetCurrentProcess().PrivilegedProcessorTime.TotalSeconds:0.0} s)");
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
            await using var db = new AnshinDbContext(storage.Build());
            var alert = db.Alerts.Single(a => a.Id == alertId);
            var rate = pass.Delivered / sw.Elapsed.TotalSeconds;
            Console.WriteLine($"AnshinMail fan-out: {pass.Delivered:N0} delivered, {pass.Failed} failed, {sw.Elapsed.TotalSeconds:0.00} s, {rate:N0} msg/s, peak working set {peak:N0} MB, status {alert.Status}, message ≈ {size:N0} bytes, CPU {cpu.TotalSeconds:0.0} s ({cpu.TotalSeconds / sw.Elapsed.TotalSeconds:0.00} cores), error {pass.Error ?? "none"}");
            var rawAfter = await BenchmarkParts.RawLimit(connections, subscribers, size, port);

            var nullAlert = await BenchmarkParts.SendOne(storage, engine, clock, "長野市北部");
            var nullRunner = new DeliveryRunner(() => new AnshinDbContext(storage.Build()), new NullTransport(), new AlertMessageFactory(book, options), options, clock);
            var nullWatch = Stopwatch.StartNew();
            var nullCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var nullPass = await nullRunner.RunOnceAsync();
            nullCpu = Process.GetCurrentProcess().TotalProcessorTime - nullCpu;
            Console.WriteLine($"same fan-out into a null transport (runner, database, message build; no SMTP): {nullPass.Delivered / nullWatch.Elapsed.TotalSeconds:N0} msg/s, CPU {nullCpu.TotalSeconds:0.0} s");

            var factory = new AlertMessageFactory(book, options);
            var someone = db.Subscribers.First();
            var build = Stopwatch.StartNew();
            for (var i = 0; i < 20_000; i++)
            {
                using var message = factory.Build(alert, someone, clock.GetUtcNow());
                message.WriteTo(Stream.Null);
            }
            Console.WriteLine($"message build + serialise alone, one thread: {20_000 / build.Elapsed.TotalSeconds:N0} /s");

            var rawRate = (rawBefore + rawAfter) / 2;
            Console.WriteLine($"smtp-source -d -s {connections}, {subscribers:N0} messages of {size:N0} bytes: {rawBefore:N0} msg/s before, {rawAfter:N0} msg/s after, mean {rawRate:N0}");
            Console.WriteLine($"ratio AnshinMail / raw limit: {rate / rawRate:0.00}");
        }
        finally
        {
            if (!sink.HasExited) sink.Kill();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(dbPath + suffix);
        }
    }

    private static int MessageSize(PolicyBook book, DeliveryOptions options, StorageOptions storage, long alertId, TimeProvider clock)
    {
        using var db = new AnshinDbContext(storage.Build());
        using var message = new AlertMessageFactory(book, options).Build(db.Alerts.Single(a => a.Id == alertId), db.Subscribers.First(), clock.GetUtcNow());
        return message.ToString().Length;
    }

    private const int WarmUpSubscribers = 20_000;
    private const string WarmUpArea = "小川村";

    /// <summary>
    /// Warm-up: a first alert to 20,000 other subscribers through the same runner, transport and sink, in
    /// small batches so that the runner's database path is called often enough for tiered JIT to settle.
    /// Without it the measured run spent ≈ 16 % of its CPU in the JIT (perf), compiling the runner's and
    /// EF Core's methods. What is measured is the steady state of a worker that has sent before; the first
    /// alert after a start is printed too.
    /// </summary>
    private static async Task WarmUp(PolicyBook book, PolicyEngine engine, DeliveryOptions options, StorageOptions storage, TimeProvider clock)
    {
        await BenchmarkParts.SendOne(storage, engine, clock, WarmUpArea);
        var small = options with { BatchSize = 100 };
        var runner = new DeliveryRunner(() => new AnshinDbContext(storage.Build()), MailTransports.Create(small), new AlertMessageFactory(book, small), small, clock);
        var watch = Stopwatch.StartNew();
        var pass = await runner.RunOnceAsync();
        Console.WriteLine($"warm-up (first alert after start, batches of 100): {pass.Delivered:N0} delivered, {pass.Delivered / watch.Elapsed.TotalSeconds:N0} msg/s");
    }
}
