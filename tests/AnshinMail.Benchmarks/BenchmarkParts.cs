using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Sending;

namespace AnshinMail.Benchmarks;

/// <summary>What the benchmarks share: subscribers, an alert sent through the real workflow, smtp-source, ports.
/// </summary>
internal static class BenchmarkParts
{
    /// <summary>A weekday afternoon in Japan: inside the sending hours, no duty system.</summary>
    public static readonly DateTimeOffset Afternoon = new(2026, 11, 27, 14, 0, 0, TimeSpan.FromHours(9));

    public static void Seed(StorageOptions storage, int count, string prefix, List<string> areas, TimeProvider clock)
    {
        for (var start = 0; start < count; start += 10_000)
        {
            using var db = new AnshinDbContext(storage.Build());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + 10_000); i++)
                db.Subscribers.Add(new Subscriber
                {
                    Email = $"{prefix}{i:000000}@example.jp", Categories = ["child-safety", "crime-prevention"],
                    Areas = [.. areas], Confirmed = true, Token = Guid.NewGuid().ToString("N"),
                    CreatedAt = clock.GetUtcNow(),
                });
            db.SaveChanges();
        }
    }

    /// <summary>Draft → approval by the unit head → send, as staff do it; returns the alert's id.</summary>
    public static async Task<long> SendOne(StorageOptions storage, PolicyEngine engine, TimeProvider clock,
        string area)
    {
        var staff = new Person("staff1", "nagano-chuo", new HashSet<Role> { Role.Staff });
        var head = new Person("head1", "nagano-chuo", new HashSet<Role> { Role.Distributor });
        await using var db = new AnshinDbContext(storage.Build());
        return await SendOne(new WorkflowContext(db, engine, new MessageRenderer(engine.Book), clock), engine, area);
    }

    /// <summary>As staff do it, through <paramref name="workflow"/> (a node's own: its worker wakes at once).</summary>
    public static async Task<long> SendOne(WorkflowContext workflow, PolicyEngine engine, string area)
    {
        var staff = new Person("staff1", "nagano-chuo", new HashSet<Role> { Role.Staff });
        var head = new Person("head1", "nagano-chuo", new HashSet<Role> { Role.Distributor });
        var sample = new SampleCases(engine.Book);
        var input = new DraftInput
        {
            CategoryId = "child-safety", Fields = sample.Draft.Fields, TargetAreas = [area], VictimAge = 10,
            VictimSex = Sex.Female,
        };
        var draft = await new CreateDraft(workflow).RunAsync(staff, input);
        await new ApproveDraft(workflow).RunAsync(head, draft.Id,
            new ApprovalInput { Confirmations = engine.Book.PrivacyConfirmations.Select(c => c.Id).ToHashSet() });
        return (await new SendAlert(workflow).RunAsync(staff, draft.Id, rechecked: true)).AlertId;
    }

    /// <summary>smtp-source's rate into the sink: the raw limit of this machine's loopback SMTP.</summary>
    public static async Task<double> RawLimit(int connections, int messages, int size, int port)
    {
        var watch = Stopwatch.StartNew();
        using (var source = Start("smtp-source", $"-d -s {connections} -m {messages} -l {size} 127.0.0.1:{port}"))
            await source.WaitForExitAsync();
        return messages / watch.Elapsed.TotalSeconds;
    }

    public static Process Start(string program, string arguments) =>
        Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
        ?? throw new InvalidOperationException($"{program} did not start (apt-get install postfix)");

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The machine's busy CPU time (all cores, from /proc/stat), to say how loaded a run left it.</summary>
    public static TimeSpan MachineBusy()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(long.Parse).ToArray();
        var idle = cpu[3] + cpu[4];
        return TimeSpan.FromSeconds((cpu.Take(8).Sum() - idle) / 100.0);
    }

    public sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
