using System.Diagnostics;
using System.Diagnostics.Metrics;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Hosting;
using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Operations;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnshinMail.Benchmarks;

/// <summary>
/// A node as an installation runs it, without the web pages: the library's services (<c>AddAnshinMail</c>) with the
/// delivery worker, on PostgreSQL, the benchmark's fixed clock, sending into the sink. As a second process it runs
/// until its standard input closes, then prints what it delivered after the "mark" line and the CPU it used.
/// </summary>
internal static class NodeProcess
{
    public static IHost Build(StorageOptions storage, int port, int connections, string id, TimeProvider clock)
    {
        var book = PolicyBook.Load(Repository.Find("rules/nagano.json"));
        var options = new DeliveryOptions
        {
            Transport = "smtp", Host = "127.0.0.1", Port = port, Connections = connections, BatchSize = 500,
            MessagesPerConnection = 1_000_000,
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAnshinMail(book, storage, options, node: new NodeOptions { Id = id });
        builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    /// <summary>Counts the messages this process's nodes delivered (the library's own metric).</summary>
    public sealed class DeliveredCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _delivered;

        public DeliveredCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DeliveryMetrics.MeterName && instrument.Name == "anshinmail.messages.delivered")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _delivered, value));
            _listener.Start();
        }

        public long Delivered => Interlocked.Read(ref _delivered);

        public void Reset() => Interlocked.Exchange(ref _delivered, 0);

        public void Dispose() => _listener.Dispose();
    }

    public static async Task Run(string connectionString, int port, int connections)
    {
        var storage = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString };
        using var counter = new DeliveredCounter();
        using var host = Build(storage, port, connections, "node-b", new BenchmarkParts.FixedClock(BenchmarkParts.Afternoon));
        await host.StartAsync();
        var cpu = TimeSpan.Zero;
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } line)
            if (line == "mark")
            {
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                counter.Reset();
            }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await host.StopAsync();
        Console.WriteLine($"node-b {counter.Delivered:N0} messages, CPU {cpu.TotalSeconds:0.0} s");
    }
}
