using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Admin;

/// <summary>/admin/accounts: the security manager's account administration (Y6.2).</summary>
public sealed class AccountsTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SecurityManagerDisablesAndUnlocksAccounts()
    {
        var attacker = _app.Browser();
        for (var i = 0; i < 5; i++)
            await attacker.PostForm("/account/signin", new() { ["UserId"] = "demo-pr", ["Password"] = "wrong" });
        var admin = await _app.SignedIn("demo-admin");
        Assert.Contains("ロック中", await admin.GetStringAsync("/admin/accounts"));
        var unlock = await admin.PostForm("/admin/accounts?handler=Unlock", new() { ["target"] = "demo-pr" });
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        await _app.SignedIn("demo-pr"); // signs in again

        var disable = await admin.PostForm("/admin/accounts?handler=Disable", new() { ["target"] = "demo-duty" });
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        var refused = await (await _app.Browser().PostForm("/account/signin", new() { ["UserId"] = "demo-duty", ["Password"] = "anshin-demo-2026" })).Content.ReadAsStringAsync();
        Assert.Contains("ユーザIDまたはパスワードが正しくありません。", refused);
    }
}
