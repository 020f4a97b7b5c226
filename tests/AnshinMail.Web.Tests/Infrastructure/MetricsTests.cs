using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Y12.3(1), Y13: /metrics for the security manager's monitoring. Only the configured bearer token reads it; after a
/// real send through the pages the counters move by exactly what the alert's progress says, and with the relay down
/// the gauges show the alert waiting and how long.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests : IAsyncLifetime
{
    private const string Token = "monitoring-token-0123456789";
    private readonly WebApp _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["AnshinMail:Metrics:Token"] = Token;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Y12_3_WithoutTheToken_401_WithoutASetting_NoEndpoint_LikeAnyUnknownAddress()
    {
        var anonymous = _app.Browser();
        var none = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Scrape(anonymous)).StatusCode);
        using var lower = new HttpRequestMessage(HttpMethod.Get, "/metrics"); // RFC 7235: scheme in any case
        lower.Headers.TryAddWithoutValidation("Authorization", "bearer " + Token);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(lower)).StatusCode);

        // Without a token configured there is no endpoint: /metrics is an unknown address like any other (sign in).
        await using var unset = new WebApp();
        var absent = await unset.Browser().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Redirect, absent.StatusCode);
        Assert.Contains("/account/signin", absent.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Y13_AfterARealSend_TheCountersMoveByTheAlertsFigures_AndTheGaugesShowAWaitingAlert()
    {
        var client = _app.Browser();
        await Until(async db => !await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Sending)); // the demo's own
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
            db.Subscribers.Add(new Subscriber
            {
                Email = "refused@example.jp", Categories = ["child-safety"], Areas = ["長野市北部"], Confirmed = true,
                Token = Guid.NewGuid().ToString("N"), CreatedAt = _app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        _app.Smtp.RefuseAlways["refused@example.jp"] = 550;
        var before = await Figures(client);

        var id = await Released();
        await Until(async db => (await db.Alerts.SingleAsync(a => a.Id == id)).Status == AlertStatus.Sent);
        var alert = await Stored(id);
        var after = await Figures(client);
        Assert.True(alert.Delivered > 0 && alert.Failed == 1, $"{alert.Delivered} / {alert.Failed}");
        Assert.Equal(alert.Delivered, after["anshinmail_messages_delivered_total"] - before["anshinmail_messages_delivered_total"]);
        Assert.Equal(1, after["anshinmail_messages_failed_total"] - before["anshinmail_messages_failed_total"]);
        Assert.Equal(alert.Held, after["anshinmail_messages_held_total"] - before["anshinmail_messages_held_total"]);
        Assert.Equal(await Batches(id), after["anshinmail_batch_lag_seconds_count"] - before["anshinmail_batch_lag_seconds_count"]);
        Assert.Equal(0, after["anshinmail_relay_errors_total"] - before["anshinmail_relay_errors_total"]);
        Assert.Equal((0, 0, 0), (after["anshinmail_alerts_sending"], after["anshinmail_batches_unsent"],
            after["anshinmail_batches_oldest_unsent_age_seconds"]));

        // The relay goes down: the next alert waits, and the gauges say for how long.
        await _app.Smtp.StopAsync();
        var waiting = await Released();
        await Until(async db => (await db.Alerts.SingleAsync(a => a.Id == waiting)).LastError is not null);
        _app.Clock.Advance(TimeSpan.FromSeconds(120));
        var down = await Figures(client);
        Assert.Equal((1, 120), (down["anshinmail_alerts_sending"], down["anshinmail_batches_oldest_unsent_age_seconds"]));
        Assert.Equal(await Batches(waiting), down["anshinmail_batches_unsent"]);
        Assert.True(down["anshinmail_relay_errors_total"] > after["anshinmail_relay_errors_total"]);
        _app.Smtp.Start();
        await Until(async db => (await db.Alerts.SingleAsync(a => a.Id == waiting)).Status == AlertStatus.Sent);
    }

    private async Task<HttpResponseMessage> Scrape(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await client.SendAsync(request);
    }

    /// <summary>Each sample of the scrape by name (label sets summed; a name not yet reported is 0).</summary>
    private async Task<Dictionary<string, double>> Figures(HttpClient client)
    {
        var response = await Scrape(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var figures = new Dictionary<string, double>();
        foreach (Match m in Sample().Matches(await response.Content.ReadAsStringAsync()))
            figures[m.Groups[1].Value] = figures.GetValueOrDefault(m.Groups[1].Value)
                + double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        foreach (var name in new[]
        {
            "anshinmail_messages_delivered_total", "anshinmail_messages_failed_total", "anshinmail_messages_held_total",
            "anshinmail_relay_errors_total", "anshinmail_batch_lag_seconds_count", "anshinmail_alerts_sending",
            "anshinmail_batches_unsent", "anshinmail_batches_oldest_unsent_age_seconds",
        }) figures.TryAdd(name, 0);
        return figures;
    }

    [GeneratedRegex(@"^(anshinmail_[a-z_]+)(?:\{[^}]*\})? ([0-9.eE+\-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    private async Task<long> Released()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        await DraftForms.Approve(await _app.SignedIn("demo-head"), id);
        var send = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        return long.Parse(send.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private async Task<Alert> Stored(long id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnshinDbContext>().Alerts.AsNoTracking()
            .SingleAsync(a => a.Id == id);
    }

    private async Task<int> Batches(long id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnshinDbContext>().DeliveryBatches
            .CountAsync(b => b.AlertId == id);
    }

    /// <summary>Polls storage until the condition holds (a generous ceiling, never a timing assertion).</summary>
    private async Task Until(Func<AnshinDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 1200; i++)
        {
            await using (var scope = _app.Services.CreateAsyncScope())
                if (await condition(scope.ServiceProvider.GetRequiredService<AnshinDbContext>())) return;
            await Task.Delay(100);
        }
        Assert.Fail("condition not reached within two minutes");
    }
}

/// <summary>The meter is process-wide by name: the metrics tests run alone, so no other app's figures mix in.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics tests";
}
