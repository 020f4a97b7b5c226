using System.Diagnostics;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Benchmarks;

/// <summary>
/// Issue 15: the public pages under load. A PostgreSQL database holds N released alerts (subject and body of a
/// real alert, random categories and areas, spread over three years); the web app runs as it does in production
/// (Release, `dotnet exec`, this database); C concurrent clients on the same machine ask for one address kind at a
/// time for S seconds each, after a warm-up over all of them. Latency is per request, full body read.
/// </summary>
internal static class ArchiveLoadBenchmark
{
    public static async Task Run(string admin, int alerts, int clients, int seconds, int cacheSeconds)
    {
        var book = PolicyBook.Load(Repository.Find("rules/nagano.json"));
        using var database = new PostgresDatabase(admin);
        await SeedAsync(database.Storage, new PolicyEngine(book), alerts);
        database.Analyze();
        var port = BenchmarkParts.FreePort();
        using var web = await StartWebAsync(database.Storage, port, cacheSeconds);
        try
        {
            var area = book.AllAreas.First();
            var kinds = new (string Name, Func<Random, string> Address)[]
            {
                ("/alerts", _ => "/alerts"),
                ("/alerts?area=…&p=1..5", r => $"/alerts?area={Uri.EscapeDataString(area)}&p={r.Next(1, 6)}"),
                ("/alerts?p=1..50", r => $"/alerts?p={r.Next(1, 51)}"),
                ("/feed.atom", _ => "/feed.atom"),
                ("/feed.atom?area=…", _ => $"/feed.atom?area={Uri.EscapeDataString(area)}"),
            };
            using var http = Client(port, clients);
            await Load(http, clients, TimeSpan.FromSeconds(10), r => kinds[r.Next(kinds.Length)].Address(r));
            Console.WriteLine($"{alerts:N0} alerts, {clients} concurrent clients, {seconds} s per address (after a 10 s warm-up over all), public cache {cacheSeconds} s:");
            Console.WriteLine("| address | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | web CPU (cores) | machine busy (cores) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, address) in kinds)
            {
                var cpu = web.TotalProcessorTime;
                var busy = BenchmarkParts.MachineBusy();
                var result = await Load(http, clients, TimeSpan.FromSeconds(seconds), address);
                web.Refresh();
                var webCores = (web.TotalProcessorTime - cpu).TotalSeconds / seconds;
                var machine = (BenchmarkParts.MachineBusy() - busy).TotalSeconds / seconds;
                Console.WriteLine($"| `{name}` | {result.PerSecond:N0} | {result.P(50):0.0} | {result.P(95):0.0} | {result.P(99):0.0} | {result.P(100):0.0} | {result.Errors} | {webCores:0.00} | {machine:0.00} |");
            }
        }
        finally
        {
            if (!web.HasExited) web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    private sealed record LoadResult(List<double> Milliseconds, int Errors, double PerSecond)
    {
        public double P(int percent) => Milliseconds.Count == 0 ? double.NaN
            : Milliseconds[Math.Clamp((int)Math.Ceiling(percent / 100.0 * Milliseconds.Count) - 1, 0, Milliseconds.Count - 1)];
    }

    private static async Task<LoadResult> Load(HttpClient http, int clients, TimeSpan duration, Func<Random, string> address)
    {
        var all = new List<double>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var random = new Random(client);
            var mine = new List<double>();
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(address(random));
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            lock (all) all.AddRange(mine);
        }));
        all.Sort();
        return new LoadResult(all, errors, all.Count / watch.Elapsed.TotalSeconds);
    }

    private static HttpClient Client(int port, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>One alert through the real workflow, then <paramref name="count"/> released alerts like it.</summary>
    private static async Task SeedAsync(StorageOptions storage, PolicyEngine engine, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var first = await BenchmarkParts.SendOne(storage, engine, new BenchmarkParts.FixedClock(now), "長野市北部");
        Alert model;
        await using (var db = new AnshinDbContext(storage.Build())) model = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == first);
        var random = new Random(15);
        var areas = engine.Book.AllAreas.ToArray();
        var categories = engine.Book.Categories.Select(c => c.Id).ToArray();
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < count; done += 5_000)
        {
            await using var db = new AnshinDbContext(storage.Build());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + 5_000); i++)
            {
                var alert = new Alert
                {
                    DraftId = model.DraftId, CategoryId = categories[random.Next(categories.Length)], UnitId = model.UnitId,
                    Areas = areas.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToList(),
                    Subject = model.Subject, Body = model.Body, SentBy = model.SentBy,
                };
                var at = now.AddMinutes(-random.Next(3 * 365 * 24 * 60));
                alert.StartSending(at);
                alert.Complete(at.AddMinutes(1));
                db.Alerts.Add(alert);
            }
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"seeded {count:N0} alerts in {watch.Elapsed.TotalSeconds:0} s (body {model.Body.Length} characters)");
    }

    /// <summary>The web app as production runs it: a Release build, `dotnet exec`, this database, logs at Warning.
    /// </summary>
    private static async Task<Process> StartWebAsync(StorageOptions storage, int port, int cacheSeconds)
    {
        var project = Path.GetDirectoryName(Repository.Find("AnshinMail.Web/AnshinMail.Web.csproj"))!;
        using (var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-v", "q", project]))!)
            await build.WaitForExitAsync();
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(project, "bin", "Release", "net10.0", "AnshinMail.Web.dll")])
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var url = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["AnshinMail__PublicBaseUrl"] = url;
        start.Environment["AnshinMail__Database__Provider"] = StorageOptions.Postgres;
        start.Environment["AnshinMail__Database__ConnectionString"] = storage.ConnectionString;
        start.Environment["AnshinMail__Delivery__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "anshin-bench-maildrop");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["AnshinMail__PublicCacheSeconds"] = cacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var web = Process.Start(start) ?? throw new InvalidOperationException("the web app did not start");
        web.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("web: " + e.Data); };
        web.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("web: " + e.Data); };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        for (var i = 0; i < 600 && !web.HasExited; i++)
        {
            try
            {
                if ((await probe.GetAsync("/healthz")).IsSuccessStatusCode) return web;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("the web app did not answer /healthz");
    }
}
