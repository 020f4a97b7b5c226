using System.Text.Json.Nodes;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests;

/// <summary>
/// Y6.2, Y7.3: a fresh install has no published password: the demo (whose password the README prints)
/// is seeded only by the README's `dotnet run` launch profile, never by a published app or any other start.
/// </summary>
public sealed class FreshInstallTests : IAsyncLifetime
{
    private readonly WebApp _app = new(demo: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Y6_2_AStartWithoutTheLaunchProfile_SeedsNoAccount_AndTheDemoPasswordOpensNothing()
    {
        var answer = await _app.Browser().PostForm("/account/signin",
            new() { ["UserId"] = "demo-admin", ["Password"] = "anshin-demo-2026" });
        Assert.Contains("ユーザIDまたはパスワードが正しくありません。", await answer.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public void Y6_2_OnlyTheLaunchProfileTurnsTheDemoOn()
    {
        var web = Path.Combine(Repository.Root, "AnshinMail.Web");
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(web, "appsettings.json")))!;
        Assert.NotEqual("true", settings["AnshinMail"]?["Demo"]?.ToString().ToLowerInvariant());
        var launch = JsonNode.Parse(File.ReadAllText(Path.Combine(web, "Properties", "launchSettings.json")))!;
        var profile = launch["profiles"]!["AnshinMail.Web"]!;
        Assert.Equal("true", profile["environmentVariables"]!["AnshinMail__Demo"]!.ToString());
    }
}

internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AnshinMail.sln"))) return dir.FullName;
        throw new InvalidOperationException("AnshinMail.sln not found above " + AppContext.BaseDirectory);
    }
}
