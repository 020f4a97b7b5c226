using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests;

/// <summary>
/// Y5.1, Y6.2: a new prefecture's first security manager comes from `setup-admin` on the server: once,
/// in the book's security-manager division, with an initial password that must be changed at first sign-in.
/// </summary>
public sealed partial class SetupAdminTests : IAsyncLifetime
{
    private const string Unit = "seikatsu-anzen-kikaku";
    private readonly WebApp _app = new(demo: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await SetupAdminCommand.RunAsync(["setup-admin", .. args], _app.Services, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<int> Accounts()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnshinDbContext>().Accounts.CountAsync();
    }

    [Fact]
    public async Task Y6_2_CreatesTheFirstSecurityManagerOnce_WhoMustChangeTheInitialPassword()
    {
        var (code, output, _) = await Run("--user", "sec-kanri", "--name", "生安 課長", "--unit", Unit);
        Assert.Equal(0, code);
        var password = InitialPassword().Match(output).Groups[1].Value;
        Assert.Matches("^(?=.*[A-Za-z])(?=.*[0-9]).{8,}$", password);

        var manager = _app.Browser();
        var signIn = await manager.PostForm("/account/signin",
            new() { ["UserId"] = "sec-kanri", ["Password"] = password });
        var location = signIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/password", location, StringComparison.OrdinalIgnoreCase);
        var change = await manager.PostForm("/account/password",
            new() { ["Current"] = password, ["New"] = "kawaranai-2027", ["Confirm"] = "kawaranai-2027" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/admin/accounts")).StatusCode);

        var (again, _, error) = await Run("--user", "sec-2", "--name", "別の 課長", "--unit", Unit);
        Assert.Equal(1, again);
        Assert.Contains("既に", error);
        Assert.Contains("already", error);
        Assert.Equal(1, await Accounts());
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--user", "sec-kanri", "--unit", Unit], "--name" },
        { ["--user", "sec-kanri", "--name", "生安 課長", "--unit", "nagano-chuo"], "nagano-chuo" },
        { ["--user", "sec-kanri", "--name", "生安 課長", "--unit", "atlantis"], "atlantis" },
        { ["--user", "sec-kanri", "--name", "生安 課長", "--unit", Unit, "--role", "x"], "--role" },
        { ["--user", "", "--name", "生安 課長", "--unit", Unit], "--user" },
        { ["--user", new string('x', 65), "--name", "生安 課長", "--unit", Unit], "64" },
        { ["--user"], "--user" },
    };

    [Theory, MemberData(nameof(BadArguments))]
    public async Task Y6_2_BadArguments_AreRefusedInJapaneseAndEnglish_WithExitCode1(string[] args, string named)
    {
        var (code, output, error) = await Run(args);
        Assert.Equal(1, code);
        Assert.Contains(named, error);
        Assert.Matches("[ぁ-んァ-ン一-龥]", error);
        Assert.Matches("[A-Za-z]+( [A-Za-z]+){2}", error);
        Assert.DoesNotContain("initial password", output);
        Assert.Equal(0, await Accounts());
    }

    /// <summary>The command as an adopter runs it: the app's own entry point, against a SQLite file.</summary>
    [Fact]
    public async Task Y6_2_AsAProcess_ExitsZero_ThenOneWhenASecurityManagerExists()
    {
        var db = Path.Combine(Path.GetTempPath(), $"anshin-setup-{Guid.NewGuid():N}.db");
        try
        {
            var first = await Process(db, "--user", "sec-kanri", "--name", "生安 課長", "--unit", Unit);
            Assert.True(first.Code == 0, first.Output + first.Error);
            Assert.Matches(InitialPassword(), first.Output);
            var second = await Process(db, "--user", "sec-2", "--name", "別の 課長", "--unit", Unit);
            Assert.Equal(1, second.Code);
            Assert.Contains("already", second.Error);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
    }

    private static async Task<(int Code, string Output, string Error)> Process(string db, params string[] args)
    {
        var release = $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}";
        var configuration = AppContext.BaseDirectory.Contains(release) ? "Release" : "Debug";
        var dll = Path.Combine(Repository.Root, "AnshinMail.Web", "bin", configuration, "net10.0",
            "AnshinMail.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in new[] { dll, "setup-admin" }.Concat(args)) start.ArgumentList.Add(a);
        start.Environment["AnshinMail__Database__ConnectionString"] = $"Data Source={db}";
        start.Environment["AnshinMail__PolicyBook"] = Path.Combine(Repository.Root, "rules", "nagano.json");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"初期パスワード / initial password: (\S+)")]
    private static partial Regex InitialPassword();
}
