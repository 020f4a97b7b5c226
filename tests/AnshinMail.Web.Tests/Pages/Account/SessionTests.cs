using System.Net;
using AnshinMail.Rules.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Account;

/// <summary>
/// Y6, Y7.1: a live session ends when the account changes under it: disabled, signed out elsewhere
/// (a copied cookie), a new password, other roles; and an expired password reaches it (Y6.3(1)).
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private const string Page = "/drafts/new";
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static void AssertSignInAsked(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("/account/signin", location, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A second browser holding a copy of the first one's session cookie.</summary>
    private async Task<(HttpClient Browser, HttpClient Copy)> SignedInTwice(string user)
    {
        var browser = _app.Browser();
        var signIn = await browser.PostForm("/account/signin",
            new() { ["UserId"] = user, ["Password"] = "anshin-demo-2026" });
        var cookie = signIn.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("anshin.staff=", StringComparison.Ordinal));
        var copy = _app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        copy.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(Page)).StatusCode);
        return (browser, copy);
    }

    [Fact]
    public async Task Y6_2_DisablingAnAccount_EndsItsLiveSession()
    {
        var staff = await _app.SignedIn("demo-staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(Page)).StatusCode);
        var admin = await _app.SignedIn("demo-admin");
        await admin.PostForm("/admin/accounts?handler=Disable", new() { ["target"] = "demo-staff" });
        AssertSignInAsked(await staff.GetAsync(Page));
    }

    [Fact]
    public async Task Y7_1_SigningOut_EndsACopyOfTheCookieToo()
    {
        var (browser, copy) = await SignedInTwice("demo-staff");
        var signOut = await browser.PostForm("/account/signout", [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertSignInAsked(await copy.GetAsync(Page));
    }

    [Fact]
    public async Task Y6_3_ChangingThePassword_EndsOtherSessions_AndKeepsThisOne()
    {
        var (browser, copy) = await SignedInTwice("demo-staff");
        var change = await browser.PostForm("/account/password",
            new() { ["Current"] = "anshin-demo-2026", ["New"] = "kawaranai-2027", ["Confirm"] = "kawaranai-2027" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Page)).StatusCode);
        AssertSignInAsked(await copy.GetAsync(Page));
    }

    [Fact]
    public async Task Y5_ChangingRoles_EndsTheLiveSession_AndTheNextSignInHasTheNewRoles()
    {
        var head = await _app.SignedIn("demo-head");
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync(Page)).StatusCode);
        var admin = await _app.SignedIn("demo-admin");
        var change = await admin.PostForm("/admin/accounts?handler=Roles",
            new() { ["target"] = "demo-head", ["NewRoles"] = "Staff" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        AssertSignInAsked(await head.GetAsync(Page));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        var account = await db.Accounts.SingleAsync(a => a.UserId == "demo-head");
        Assert.Equal([AnshinMail.Rules.Policy.Role.Staff], account.Roles);
    }

    [Fact]
    public async Task Y6_3_1_APasswordExpiringDuringASession_SendsItToThePasswordChange()
    {
        var book = _app.Services.GetRequiredService<AnshinMail.Rules.PolicyBooks.PolicyBook>();
        var validDays = book.PasswordPolicy.ValidDays;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.UserId == "demo-staff");
            account.PasswordSetAt = _app.Clock.GetUtcNow().AddDays(-validDays).AddMinutes(1);
            await db.SaveChangesAsync();
        }
        var staff = await _app.SignedIn("demo-staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(Page)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await staff.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var location = after.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/password", location, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("有効期限が切れています", await staff.GetStringAsync(location));
    }
}
