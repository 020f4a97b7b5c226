using System.Net;

namespace AnshinMail.Web.Tests.Pages.Admin;

/// <summary>
/// T5(2): a webhook into AnshinMail's own network is refused on the form, in Japanese, unless configured.
/// </summary>
public sealed class OrganisationsTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Form(string email, string webhook) => new()
    {
        ["Name"] = "長野市教育委員会",
        ["Email"] = email,
        ["WebhookUrl"] = webhook,
        ["Categories"] = "child-safety",
        ["Areas"] = "長野市北部",
    };

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost:8443/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://192.168.10.20/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    public async Task T5_2_AnInternalWebhookIsRefusedOnTheForm(string url)
    {
        var admin = await _app.SignedIn("demo-admin");
        var response = await admin.PostForm("/admin/organisations", Form("kyoiku@example.jp", url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("内部のアドレス", page);
        Assert.DoesNotContain("webhook-secret", page);
    }

    [Fact]
    public async Task T5_2_AHostNamedInTheConfigurationIsAllowed()
    {
        _app.Settings["AnshinMail:Webhooks:AllowedHosts:0"] = "192.168.10.20";
        var admin = await _app.SignedIn("demo-admin");
        var form = Form("kyoiku@example.jp", "https://192.168.10.20/hook");
        var response = await admin.PostForm("/admin/organisations", form);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("webhook-secret", page);
    }
}
