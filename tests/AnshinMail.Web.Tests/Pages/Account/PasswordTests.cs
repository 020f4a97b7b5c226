using System.Net;

namespace AnshinMail.Web.Tests.Pages.Account;

/// <summary>Y6.3: the password change page refuses weak passwords in Japanese, on the form.</summary>
public sealed class PasswordTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("demo-staff-2027", "ユーザIDを含めないでください")]
    [InlineData("Qwerty123", "推測されやすい")]
    public async Task Y6_3_PasswordWithTheUserIdOrOnTheDenyList_IsRefusedOnTheForm(string next, string message)
    {
        var staff = await _app.SignedIn("demo-staff");
        var response = await staff.PostForm("/account/password",
            new() { ["Current"] = "anshin-demo-2026", ["New"] = next, ["Confirm"] = next });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }
}
