using System.Net;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>
/// T5: the confirmation page takes confirmation links only; any other token is an invalid link, never a 500.
/// </summary>
public sealed class ConfirmTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Addresses of every length around the size of a confirmation token's payload (32 bytes).</summary>
    public static TheoryData<string> Addresses() =>
        new(Enumerable.Range(20, 9).Select(n => new string('k', n - 11) + "@example.jp"));

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task T5_AStartLinkFedToTheConfirmationPage_IsInvalid(string address)
    {
        var start = await SubscriptionLinks.Start(_app, address);
        var token = start["/subscribe/start/".Length..];
        var client = _app.Browser();
        var get = await client.GetAsync($"/subscribe/confirm/{token}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("このリンクは無効です", await get.Content.ReadAsStringAsync());
        var post = await client.PostForm($"/subscribe/confirm/{token}", [], formPage: "/subscribe");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("このリンクは無効です", await post.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("AAAA.AAAA")]
    [InlineData("~.~")]
    public async Task T5_AMeaninglessTokenIsAnInvalidLink(string token)
    {
        var response = await _app.Browser().GetAsync($"/subscribe/confirm/x{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("このリンクは無効です", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task T5_AConfirmationLinkFedToTheStartPage_IsInvalid_AndRegistersNothing()
    {
        var client = _app.Browser();
        var confirm = await SubscriptionLinks.Confirm(_app, client, "swap@example.jp");
        var before = await Subscribers();
        var token = confirm["/subscribe/confirm/".Length..];
        Assert.Contains("このリンクは無効です", await client.GetStringAsync($"/subscribe/start/{token}"));
        var choice = new Dictionary<string, string> { ["Categories"] = "child-safety", ["Areas"] = "飯綱町" };
        var post = await client.PostForm($"/subscribe/start/{token}", choice, formPage: "/subscribe");
        Assert.Contains("このリンクは無効です", await post.Content.ReadAsStringAsync());
        Assert.Equal(before, await Subscribers());
    }

    private async Task<List<string>> Subscribers()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        return await db.Subscribers.Where(s => s.Confirmed).OrderBy(s => s.Id).Select(s => s.Email).ToListAsync();
    }
}
