using System.Diagnostics;
using System.Globalization;
using AnshinMail.Rules.Tests;

namespace AnshinMail.Web.Tests.Nodes;

/// <summary>
/// The built app (`dotnet AnshinMail.Web.dll`) as one node in its own process, on a given database and SMTP relay,
/// with a short lease so a takeover comes soon; killed with SIGKILL by the test, or at the end in any case.
/// </summary>
public sealed class AppNode : IDisposable
{
    private readonly Process _process;

    public AppNode(string id, TestDatabase database, int smtpPort, int batchSize, int connections, TimeSpan lease)
    {
        Id = id;
        var app = Path.Combine(AppContext.BaseDirectory, "AnshinMail.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            app, $"--urls=http://127.0.0.1:{Rules.Tests.Delivery.Ports.Next()}",
            $"--AnshinMail:PolicyBook={BookPath()}", "--AnshinMail:Demo=false",
            $"--AnshinMail:Database:Provider={database.Provider}",
            $"--AnshinMail:Database:ConnectionString={database.Options.ConnectionString}",
            "--AnshinMail:Delivery:Transport=smtp", "--AnshinMail:Delivery:Host=127.0.0.1",
            $"--AnshinMail:Delivery:Port={smtpPort}", $"--AnshinMail:Delivery:BatchSize={batchSize}",
            $"--AnshinMail:Delivery:Connections={connections}", "--AnshinMail:Delivery:PollInterval=00:00:00.500",
            $"--AnshinMail:Node:Id={id}", $"--AnshinMail:Node:Lease={lease.ToString("c", CultureInfo.InvariantCulture)}",
        }) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        // Drain the output so the app never blocks on a full pipe; kept for the failure message.
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Id { get; }

    /// <summary>The last lines the app printed.</summary>
    public Queue<string> Output { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no finally blocks, no checkpoint, no lease released.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (Output)
        {
            Output.Enqueue(line);
            while (Output.Count > 40) Output.Dequeue();
        }
    }

    /// <summary>The repository's Nagano policy book.</summary>
    public static string BookPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "nagano.json")))
                return Path.Combine(dir.FullName, "rules", "nagano.json");
        throw new InvalidOperationException("rules/nagano.json not found above " + AppContext.BaseDirectory);
    }
}
