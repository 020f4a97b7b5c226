using System.Diagnostics;
using AnshinMail.Benchmarks;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Templates;

// Policy evaluation and template rendering throughput, one thread; or, with "delivery", the fan-out benchmark.
// Usage: dotnet run -c Release --project tests/AnshinMail.Benchmarks [-- seconds]
//        dotnet run -c Release --project tests/AnshinMail.Benchmarks -- delivery [subscribers] [connections]
//        dotnet run -c Release --project tests/AnshinMail.Benchmarks -- ledger [rows]
//        … -- delivery-pg ADMIN-CONNECTION-STRING [subscribers] [connections per node] [nodes]
//        … -- archive-load ADMIN-CONNECTION-STRING [alerts] [clients] [seconds per address] [public cache seconds]
if (args.Length > 0 && args[0] == "delivery")
{
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    await DeliveryBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4);
    return;
}
if (args.Length > 0 && args[0] == "delivery-pg")
{
    // delivery-pg ADMIN-CONNECTION-STRING [subscribers] [connections per node] [nodes]
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    await NodesBenchmark.Run(args[1], Arg(2, 100_000), Arg(3, 4), Arg(4, 1));
    return;
}
if (args.Length > 0 && args[0] == "node")
{
    await NodeProcess.Run(args[1], Arg(2, 0), Arg(3, 4));
    return;
}
if (args.Length > 0 && args[0] == "archive-load")
{
    // archive-load ADMIN-CONNECTION-STRING [alerts] [clients] [seconds per address] [public cache seconds]
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    await ArchiveLoadBenchmark.Run(args[1], Arg(2, 50_000), Arg(3, 50), Arg(4, 20), Arg(5, 5));
    return;
}
if (args.Length > 0 && args[0] == "ledger")
{
    await LedgerBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var book = PolicyBook.Load(Repository.Find("rules/nagano.json"));
var engine = new PolicyEngine(book);
var renderer = new MessageRenderer(book);
var models = new MessageModelBuilder(book, engine.Calendar);
var sample = new SampleCases(book);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"run: {seconds:0.#} s per measurement, 3 measurements, best reported");

Report("policy evaluations (send stage, approved, with privacy scan)", () => engine.Evaluate(sample.SendCase));
Report("policy evaluations (draft preview)", () => engine.Evaluate(sample.PreviewCase));
var model = models.For(sample.Draft);
Report("template renders (child-safety)", () => renderer.Render("child-safety", model));

void Report(string name, Action action)
{
    for (var i = 0; i < 2000; i++) action(); // warm-up: JIT and tiered compilation
    var best = 0.0;
    for (var run = 0; run < 3; run++)
    {
        var sw = Stopwatch.StartNew();
        long n = 0;
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++) action();
            n += 100;
        }
        best = Math.Max(best, n / sw.Elapsed.TotalSeconds);
    }
    Console.WriteLine($"{name}: {best:N0} /s");
}

int Arg(int i, int fallback) =>
    args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
