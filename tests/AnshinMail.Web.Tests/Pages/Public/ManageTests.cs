using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>T5, issue 16: the settings page: its summary at the top, and the change of address it starts.</summary>
public sealed class ManageTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Subscriber> Find(string token)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        return await db.Subscribers.AsNoTracking().SingleAsync(s => s.Token == token);
    }

    [Fact]
    public async Task T5_SettingsPageSummarisesCategoriesAreasAndQuietHoursAtTheTop()
    {
        var client = _app.Browser();
        var manage = await ResidentFlow.Registered(_app, client, "summary@example.jp");
        await client.PostForm(manage + "?handler=Save", new()
        {
            ["Categories"] = "traffic-safety", ["Stations"] = "kiso", ["QuietFrom"] = "22:00", ["QuietTo"] = "06:00",
        }, formPage: manage);
        var page = await client.GetStringAsync(manage);
        var summary = page[page.IndexOf("id=\"current\"", StringComparison.Ordinal)..page.IndexOf("<form", StringComparison.Ordinal)];
        Assert.Contains("交通安全情報", summary);
        Assert.Contains("木曽警察署管内すべて", summary);
        Assert.Contains("22:00〜06:00", summary);
        Assert.Contains("配信中", summary);
        Assert.Contains("summary@example.jp", summary);
    }

    /// <summary>
    /// The new address gets a link; until it is used the old address is the one that receives; using it moves the
    /// subscription (same token, same choice); the link is single use.
    /// </summary>
    [Fact]
    public async Task T5_AddressChange_ConfirmedByALinkToTheNewAddress_OldReceivesUntilThen()
    {
        var client = _app.Browser();
        var manage = await ResidentFlow.Registered(_app, client, "old@example.jp");
        var token = manage.Split('/')[^1];
        var asked = await client.PostForm(manage + "?handler=Address", new() { ["NewEmail"] = "taro.@docomo.ne.jp" },
            formPage: manage);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, asked.StatusCode);
        var page = await client.GetStringAsync(manage);
        Assert.Contains("確認のメールを送りました", page);
        Assert.Contains("taro.@docomo.ne.jp への変更を確認中", page);
        var before = await Find(token);
        Assert.Equal("old@example.jp", before.Email); // alerts still go to the old address
        Assert.True(before.Wants("child-safety", ["長野市北部"]));

        var link = ResidentFlow.AddressChangeLink(_app, "\"taro.\"@docomo.ne.jp"); // through the real SMTP server
        Assert.NotEmpty(link);
        Assert.Contains("taro.@docomo.ne.jp", await client.GetStringAsync(link)); // GET only shows the button
        Assert.Equal("old@example.jp", (await Find(token)).Email);
        var done = await (await client.PostForm(link, [])).Content.ReadAsStringAsync();
        Assert.Contains("変更しました", done);
        var after = await Find(token);
        Assert.Equal("taro.@docomo.ne.jp", after.Email);
        Assert.Null(after.PendingEmail);
        Assert.Equal(["長野市北部"], after.Areas);
        var again = await (await client.PostForm(link, [], formPage: manage)).Content.ReadAsStringAsync();
        Assert.Contains("このリンクは無効です", again);
    }

    [Fact]
    public async Task T5_AddressChange_BadAddressKeepsTheValueWithAJapaneseError()
    {
        var client = _app.Browser();
        var manage = await ResidentFlow.Registered(_app, client, "keep@example.jp");
        foreach (var bad in new[] { "not-an-address", "keep@example.jp", "" })
        {
            var response = await client.PostForm(manage + "?handler=Address", new() { ["NewEmail"] = bad }, formPage: manage);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains(bad == "keep@example.jp" ? "今のメールアドレスと同じです" : "メールアドレスの形式が正しくありません", page);
            if (bad.Length > 0) Assert.Contains($"value=\"{bad}\"", page);
            Assert.Contains("value=\"長野市北部\" checked", page); // the settings form shows what is saved
        }
        Assert.Null((await Find(manage.Split('/')[^1])).PendingEmail);
    }

    [Fact]
    public async Task T5_AddressChange_LinkExpires_AndAnAddressOfAnotherRegistrationIsRefusedAtTheLink()
    {
        var client = _app.Browser();
        var manage = await ResidentFlow.Registered(_app, client, "first@example.jp");
        await ResidentFlow.Registered(_app, client, "second@example.jp");
        await client.PostForm(manage + "?handler=Address", new() { ["NewEmail"] = "second@example.jp" }, formPage: manage);
        var link = ResidentFlow.AddressChangeLink(_app, "second@example.jp");
        var refused = await (await client.PostForm(link, [])).Content.ReadAsStringAsync();
        Assert.Contains("すでに別の登録で使われています", refused);
        Assert.Equal("first@example.jp", (await Find(manage.Split('/')[^1])).Email);

        await client.PostForm(manage + "?handler=Address", new() { ["NewEmail"] = "third@example.jp" }, formPage: manage);
        var late = ResidentFlow.AddressChangeLink(_app, "third@example.jp");
        _app.Clock.Advance(TimeSpan.FromHours(49));
        Assert.Contains("このリンクは無効です", await client.GetStringAsync(late));
        var tampered = late[..^3] + (late[^3] == 'A' ? "B" : "A") + late[^2..];
        Assert.Contains("このリンクは無効です", await client.GetStringAsync(tampered));
    }
}
