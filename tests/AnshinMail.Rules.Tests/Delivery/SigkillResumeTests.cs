using System.Diagnostics;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// A delivery worker in a separate process is killed with SIGKILL mid-way; a fresh worker resumes.
/// Every recipient gets the alert at least once; no more than the in-flight batches get it twice.
/// </summary>
public sealed class SigkillResumeTests : IDisposable
{
    private const int Recipients = 600, Batch = 20, Connections = 2;
    // The probe process opens a SQLite file by its path; the multi-node test on PostgreSQL is a separate one.
    private readonly WorkflowFixture _f = new(provider: StorageOptions.Sqlite);

    public void Dispose() => _f.Dispose();

    private static string ProbePath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        return Path.Combine(TestBook.RepositoryRoot, "tests", "AnshinMail.DeliveryProbe", "bin", configuration, "net10.0", "AnshinMail.DeliveryProbe.dll");
    }

    /// <summary>Done batches as another process sees them now (a plain connection, no pool, no EF).</summary>
    private int DoneBatches()
    {
        using var connection = new SqliteConnection($"Data Source={_f.File.Path!};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM delivery_batches WHERE Done = 1";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task KilledWithSigkill_ThenResumed_NoOneLost_DuplicatesBounded()
    {
        await using (var db = _f.Open())
        {
            for (var i = 0; i < Recipients; i++) _f.Subscribe(db, $"k{i:000}@example.jp");
            await db.SaveChangesAsync();
        }
        var sent = await _f.SentAlert();
        await using var smtp = new TestSmtpServer().Start();
        using var probe = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ProbePath(), TestBook.NaganoPath, _f.File.Path!, smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Batch.ToString(System.Globalization.CultureInfo.InvariantCulture), Connections.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var watch = Stopwatch.StartNew();
        var done = 0;
        while (!probe.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60) && (done = DoneBatches()) < 3) await Task.Delay(5);
        var atKill = smtp.Accepted.Count;
        probe.Kill(); // SIGKILL on Unix: no finally blocks, no checkpoint
        await probe.WaitForExitAsync();
        var output = await probe.StandardOutput.ReadToEndAsync();
        Assert.True(done >= 3 && !output.Contains("delivered", StringComparison.Ordinal),
            $"not killed mid-way: done batches {done}, accepted {atKill}, output {output} {await probe.StandardError.ReadToEndAsync()}");
        await using (var db = _f.Open())
            Assert.Equal(AlertStatus.Sending, (await db.Alerts.SingleAsync(a => a.Id == sent.AlertId)).Status);

        // The killed worker's batches are taken over once their leases expire (stamped in the probe's real time).
        await using (var db = _f.Open())
        {
            var leases = await db.DeliveryBatches.Where(b => b.LeaseUntil != null).Select(b => b.LeaseUntil!.Value).ToListAsync();
            Assert.NotEmpty(leases);
            _f.Clock.SetUtcNow(leases.Max() + TimeSpan.FromSeconds(1));
        }
        var options = new DeliveryOptions { Transport = "smtp", Host = "127.0.0.1", Port = smtp.Port, BatchSize = Batch, Connections = Connections };
        await _f.Runner(MailTransports.Create(options), options).RunOnceAsync();

        var ids = smtp.MessageIds.ToList();
        Assert.Equal(Recipients, ids.Distinct().Count());
        Assert.InRange(ids.Count - Recipients, 0, Connections * Batch);
        await using var check = _f.Open();
        var alert = await check.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.Equal((AlertStatus.Sent, Recipients), (alert.Status, alert.Delivered));
    }
}
