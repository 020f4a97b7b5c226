using System.Diagnostics;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Benchmarks;

/// <summary>
/// A second delivery node in its own process, on the same database and sink: it runs passes until its standard
/// input closes, then prints what it delivered and the CPU it used (the measured alert only, from the "mark" line
/// on). It is what a second app server's delivery worker does, without the web host around it.
/// </summary>
internal static class NodeProcess
{
    public static async Task Run(string connectionString, int port, int connections)
    {
        var book = PolicyBook.Load(Repository.Find("rules/nagano.json"));
        var storage = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString };
        var options = new DeliveryOptions
        {
            Transport = "smtp", Host = "127.0.0.1", Port = port, Connections = connections, BatchSize = 500,
            MessagesPerConnection = 1_000_000,
        };
        var clock = new BenchmarkParts.FixedClock(BenchmarkParts.Afternoon);
        var runner = new DeliveryRunner(() => new AnshinDbContext(storage.Build()), MailTransports.Create(options),
            new AlertMessageFactory(book, options), options, clock, node: new NodeOptions { Id = "node-b" });
        long delivered = 0;
        var cpu = TimeSpan.Zero;
        var input = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line)
                if (line == "mark") (delivered, cpu) = (0, Process.GetCurrentProcess().TotalProcessorTime);
        });
        Console.WriteLine("ready");
        while (!input.IsCompleted)
        {
            var pass = await runner.RunOnceAsync();
            Interlocked.Add(ref delivered, pass.Delivered);
            if (pass.BatchesDone == 0) await Task.Delay(50);
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"node-b delivered {delivered} cpu {cpu.TotalSeconds:0.0}");
    }
}
