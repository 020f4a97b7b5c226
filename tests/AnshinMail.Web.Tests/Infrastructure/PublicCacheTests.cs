using System.Net;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// T5, Y11.3, issue 15: the public archive, alert pages and feeds are kept rendered for a few seconds per node;
/// a change staff make on the node drops them at once (a withdrawn alert's text is gone on the next request), a
/// signed-in officer is never served a kept page, and nothing of theirs is kept for residents.
/// </summary>
public sealed class PublicCacheTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["AnshinMail:PublicCacheSeconds"] = "300";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<long> Released(HttpClient staff) => DraftForms.Released(_app, staff);

    [Fact]
    public async Task T5_PublicPagesAreKept_AndAWithdrawalOnThisNodeShowsOnTheNextRequest()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await Released(staff);
        var resident = _app.CreateClient();
        foreach (var address in new[] { $"/alerts/{id}", "/alerts", "/feed.atom", $"/alerts/{id}.cap.xml" })
        {
            var first = await resident.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Null(first.Headers.Age);
            var second = await resident.GetAsync(address);
            Assert.NotNull(second.Headers.Age); // served from the kept copy
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        }
        Assert.Contains("下校中の女子児童", await resident.GetStringAsync($"/alerts/{id}"));

        var withdraw = await staff.PostForm($"/sent/{id}?handler=Withdraw", new() { ["Reason"] = "別事案と判明" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);

        var page = await resident.GetAsync($"/alerts/{id}");
        Assert.Null(page.Headers.Age);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("取消", text);
        Assert.DoesNotContain("下校中の女子児童", text);
        Assert.Contains("【取消】", await resident.GetStringAsync("/feed.atom"));
    }

    [Fact]
    public async Task T5_ASignedInOfficerIsNeverServedAKeptPage_AndNothingOfTheirsIsKeptForResidents()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await Released(staff);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var mine = await staff.GetAsync($"/alerts/{id}");
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Null(mine.Headers.Age);
        }
        var staffPage = await staff.GetStringAsync("/alerts");
        var resident = _app.CreateClient();
        await resident.GetAsync("/alerts");
        var kept = await resident.GetAsync("/alerts");
        Assert.NotNull(kept.Headers.Age);
        var residentPage = await kept.Content.ReadAsStringAsync();
        Assert.DoesNotContain("長野 太郎", residentPage);
        Assert.DoesNotContain("ログアウト", residentPage);
        Assert.NotEqual(staffPage, residentPage);
    }

    [Fact]
    public async Task T5_AChangeMadeOnAnotherNode_IsNotSeenUntilTheKeptCopyGoes()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await Released(staff);
        var resident = _app.CreateClient();
        Assert.Contains("下校中の女子児童", await resident.GetStringAsync($"/alerts/{id}"));
        // Another node withdraws it: this node's copy still shows the text until it expires (at most the setting).
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
            var alert = await db.Alerts.SingleAsync(a => a.Id == id);
            alert.Withdraw("another-node", "別事案と判明", _app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        Assert.Contains("下校中の女子児童", await resident.GetStringAsync($"/alerts/{id}"));
        var store = _app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>();
        await store.EvictByTagAsync("public", CancellationToken.None); // as its expiry (300 s here) would
        Assert.DoesNotContain("下校中の女子児童", await resident.GetStringAsync($"/alerts/{id}"));
    }
}
