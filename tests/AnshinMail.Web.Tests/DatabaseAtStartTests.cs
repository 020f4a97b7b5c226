using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AnshinMail.Web.Tests;

/// <summary>
/// Y13: the built app, started as a process on a damaged database, exits 1 with a clear message and no stack trace.
/// </summary>
public sealed class DatabaseAtStartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anshin-start-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Y13_ADamagedDatabase_Exit1_NamesTheFileAndWhatToDo_InJapaneseAndEnglish()
    {
        var db = Path.Combine(_dir, "anshinmail.db");
        await File.WriteAllTextAsync(db, new string('x', 8192));
        var app = Path.Combine(AppContext.BaseDirectory, "AnshinMail.Web.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                app,
                $"--AnshinMail:Database:ConnectionString=Data Source={db}",
                "--AnshinMail:Demo=false",
                "--urls=http://127.0.0.1:0",
            },
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var error = await stderr;
        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}; stderr: {error}; stdout: {await stdout}");
        Assert.Contains(db, error);
        Assert.Contains("壊れて", error);
        Assert.Contains("damaged", error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("   at ", await stdout);
    }
}
