using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Y12.3, Y13: /healthz tells anyone whether AnshinMail works (ok / degraded) and nothing more; the details
/// (database, mail transport, policy book) are for the security manager; the mail probe is cached.
/// </summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private void AssertDisclosesNothing(string body)
    {
        Assert.DoesNotContain("nagano.json", body);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain(_app.Smtp.Port.ToString(CultureInfo.InvariantCulture), body);
        Assert.DoesNotContain("smtp", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("refused", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Y13_AnonymousCallersGetOkAndNothingElse()
    {
        var response = await _app.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"ok"}""", body);
    }

    [Fact]
    public async Task Y13_StaffOtherThanTheSecurityManagerGetOkAndNothingElse()
    {
        var staff = await _app.SignedIn("demo-staff");
        Assert.Equal("""{"status":"ok"}""", await staff.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Y13_WithTheRelayDown_AnonymousCallersGetDegraded_WithoutTheErrorOrTheAddress()
    {
        _ = _app.Browser();
        await _app.Smtp.StopAsync();
        var response = await _app.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"degraded"}""", body);
        AssertDisclosesNothing(body);
    }

    [Fact]
    public async Task Y12_3_TheSecurityManagerSeesTheDetails()
    {
        var admin = await _app.SignedIn("demo-admin");
        _ = await admin.GetAsync("/healthz");
        await _app.Smtp.StopAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var health = await Json(await admin.GetAsync("/healthz"));
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("database").GetBoolean());
        Assert.StartsWith("unreachable", health.GetProperty("mail").GetString());
        Assert.Contains("nagano.json", health.GetProperty("policyBook").GetString());
        var port = _app.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(port, health.GetProperty("transport").GetString());
    }

    /// <summary>
    /// One SMTP session per probe period at most, however many callers: the result is kept for a while.
    /// </summary>
    [Fact]
    public async Task Y13_TheMailProbeIsCached_ThenRenewed()
    {
        var client = _app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await _app.Smtp.StopAsync();
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }
}
