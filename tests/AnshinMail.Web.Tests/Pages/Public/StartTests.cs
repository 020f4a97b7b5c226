using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>T5 空メール登録: the start link registers once; an unsubscription in between voids it.</summary>
public sealed partial class StartTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("href=\"/subscribe/manage/([^\"]+)\"")]
    private static partial Regex ManageLink();

    private static Dictionary<string, string> Choice(string area) =>
        new() { ["Categories"] = "crime-prevention", ["Areas"] = area };

    private async Task<Subscriber?> Find(string address)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        return await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Email == address);
    }

    /// <summary>
    /// Posts to a used or voided link: the form of the start page is gone, so the token comes from another page.
    /// </summary>
    private static async Task<string> Post(HttpClient client, string link, Dictionary<string, string> choice) =>
        await (await client.PostForm(link, choice, formPage: "/subscribe")).Content.ReadAsStringAsync();

    [Fact]
    public async Task T5_TheStartLinkRegistersOnce_ASecondUseChangesNothing()
    {
        var link = await SubscriptionLinks.Start(_app, "once@example.jp");
        var client = _app.Browser();
        var done = await (await client.PostForm(link, Choice("飯綱町"))).Content.ReadAsStringAsync();
        Assert.Contains("登録が完了しました", done);

        Assert.Contains("このリンクは無効です", await client.GetStringAsync(link));
        var again = await Post(client, link, Choice("松本市"));
        Assert.Contains("このリンクは無効です", again);
        Assert.Equal(["飯綱町"], (await Find("once@example.jp"))!.Areas);
    }

    [Fact]
    public async Task T5_AfterUnsubscribing_TheUsedStartLinkDoesNotSubscribeAgain()
    {
        var link = await SubscriptionLinks.Start(_app, "leaver@example.jp");
        var client = _app.Browser();
        var done = await (await client.PostForm(link, Choice("飯綱町"))).Content.ReadAsStringAsync();
        var manage = "/subscribe/manage/" + ManageLink().Match(done).Groups[1].Value;
        await client.PostForm($"{manage}?handler=Delete", []);
        Assert.Null(await Find("leaver@example.jp"));

        var again = await Post(client, link, Choice("飯綱町"));
        Assert.Contains("このリンクは無効です", again);
        Assert.Null(await Find("leaver@example.jp"));
    }

    [Fact]
    public async Task T5_AnUnusedStartLinkIsVoidedWhenTheAddressUnsubscribes()
    {
        _ = _app.Browser();
        var resident = (await Find("resident01@example.jp"))!;
        var link = await SubscriptionLinks.Start(_app, resident.Email);
        using (var scope = _app.Services.CreateScope())
        {
            var subscriptions = scope.ServiceProvider.GetRequiredService<SubscriptionService>();
            Assert.True(await subscriptions.DeleteAsync(resident.Token));
        }

        var client = _app.Browser();
        Assert.Contains("このリンクは無効です", await client.GetStringAsync(link));
        var again = await Post(client, link, Choice("飯綱町"));
        Assert.Contains("このリンクは無効です", again);
        Assert.Null(await Find(resident.Email));
    }
}
