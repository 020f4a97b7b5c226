using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Subscribers;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>T5(2): signed webhooks to a real HTTP receiver on loopback, retried after a 500.</summary>
public sealed class WebhookTests : IDisposable
{
    private readonly WorkflowFixture _f = new();
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Timestamp, string Signature, string Body)> _received = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly string _url;
    private readonly DeliveryOptions _options = new() { AllowInsecureWebhooks = true, PublicBaseUrl = "https://anshin.example.jp" };
    /// <summary>The receiver is on loopback, an internal address: the configuration names it to allow it.</summary>
    private readonly WebhookOptions _webhooks = new() { AllowedHosts = ["127.0.0.1"] };

    public WebhookTests()
    {
        var port = AnshinMail.Rules.Tests.Delivery.Ports.Next();
        _url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(_url);
        _listener.Prefixes.Add($"http://localhost:{port}/hook/"); // so that only the address check keeps a request away
        _listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            _received.Enqueue((context.Request.Headers["X-AnshinMail-Timestamp"] ?? "", context.Request.Headers["X-AnshinMail-Signature"] ?? "", await reader.ReadToEndAsync()));
            context.Response.StatusCode = _answers.TryDequeue(out var code) ? code : 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _f.Dispose();
    }

    private async Task<RegisteredOrganisation> Register(string? url)
    {
        await using var db = _f.Open();
        return await new OrganisationService(db, TestBook.Book, _f.Clock, _options, _webhooks).RegisterAsync(
            SecurityManager, "長野市教育委員会", "学校教育課 026-000-0000",
            "kyoiku@example.jp", new SubscriptionChoice(["child-safety"], ["長野市北部"]), url);
    }

    [Fact]
    public async Task T5_2_SignedPost_RetriedAfterA500_ThenDelivered()
    {
        var organisation = await Register(_url);
        var secret = organisation.Webhook!.Secret;
        var sent = await _f.SentAlert();
        var sender = new WebhookSender(_f.Open, TestBook.Book, _options, _f.Clock, webhooks: _webhooks);
        _answers.Enqueue(500);

        Assert.Equal(0, await sender.RunOnceAsync());
        Assert.Single(_received);
        Assert.Equal(0, await sender.RunOnceAsync()); // not due yet: backoff
        Assert.Single(_received);
        _f.Clock.Advance(WebhookSender.Backoff[0]);
        Assert.Equal(1, await sender.RunOnceAsync());
        Assert.Equal(2, _received.Count);

        foreach (var (timestamp, signature, body) in _received)
        {
            Assert.Equal(WebhookSender.Sign(secret, timestamp, body), signature);
            Assert.NotEqual(WebhookSender.Sign("wrong", timestamp, body), signature);
            using var json = JsonDocument.Parse(body);
            Assert.Equal(sent.AlertId, json.RootElement.GetProperty("id").GetInt64());
            Assert.Contains("声かけ事案の発生", json.RootElement.GetProperty("subject").GetString());
            Assert.EndsWith($"/alerts/{sent.AlertId}.cap.xml", json.RootElement.GetProperty("cap").GetString());
        }
        await using var db = _f.Open();
        var delivery = await db.WebhookDeliveries.SingleAsync();
        Assert.Equal((WebhookDeliveryStatus.Delivered, 2, 200), (delivery.Status, delivery.Attempts, delivery.LastStatusCode));
    }

    [Fact]
    public async Task T5_2_OnlyWantedAlertsArePosted_AndOrganisationMailWelcomesRedistribution()
    {
        await Register(_url);
        await _f.SentAlert("traffic-safety");
        await new WebhookSender(_f.Open, TestBook.Book, _options, _f.Clock, webhooks: _webhooks).RunOnceAsync();
        Assert.Empty(_received);
        var transport = new RecordingTransport();
        await _f.Runner(transport).RunOnceAsync();
        await _f.SentAlert("child-safety");
        await _f.Runner(transport).RunOnceAsync();
        var mail = Assert.Single(transport.Handed);
        Assert.Contains("二次配信", mail.TextBody);
    }

    [Fact]
    public async Task T5_2_WebhooksMustBeHttps_AndOnlyTheSecurityManagerRegisters()
    {
        await using var db = _f.Open();
        var strict = new OrganisationService(db, TestBook.Book, _f.Clock, new DeliveryOptions());
        var e = await Assert.ThrowsAsync<PolicyRefusedException>(() => strict.RegisterAsync(SecurityManager, "団体", "", "a@example.jp",
            new SubscriptionChoice(["child-safety"], ["長野市北部"]), "http://example.jp/hook"));
        Assert.Contains(e.Findings, f => f.Code == "organisation.webhook");
        e = await Assert.ThrowsAsync<PolicyRefusedException>(() => strict.RegisterAsync(Distributor(), "団体", "", "b@example.jp",
            new SubscriptionChoice(["child-safety"], ["長野市北部"]), null));
        Assert.Contains(e.Findings, f => f.Code == "organisation.not-security-manager");
    }

    [Fact]
    public async Task T5_2_ALoopbackWebhookIsRefusedAtRegistration_WithoutTheAllowance()
    {
        await using var db = _f.Open();
        var strict = new OrganisationService(db, TestBook.Book, _f.Clock, _options);
        var e = await Assert.ThrowsAsync<PolicyRefusedException>(() => strict.RegisterAsync(
            SecurityManager, "団体", "", "c@example.jp", new SubscriptionChoice(["child-safety"], ["長野市北部"]), _url));
        var finding = Assert.Single(e.Findings, f => f.Code == "organisation.webhook-internal");
        Assert.Contains("内部", finding.Message);
        Assert.False(await db.Subscribers.AnyAsync(s => s.Email == "c@example.jp"));
    }

    /// <summary>
    /// A webhook whose name resolves to an internal address (registered before, or its DNS changed since) is checked
    /// again after resolution at each send: nothing is posted, and the delivery fails at once with the reason.
    /// </summary>
    [Fact]
    public async Task T5_2_AtSendTime_ANameResolvingToLoopbackIsRefused_NothingPosted()
    {
        var organisation = await Register(_url);
        await using (var db = _f.Open())
        {
            var hook = await db.Webhooks.SingleAsync(w => w.Id == organisation.Webhook!.Id);
            hook.Url = _url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }
        await _f.SentAlert();
        var sender = new WebhookSender(_f.Open, TestBook.Book, _options, _f.Clock, webhooks: _webhooks);
        Assert.Equal(0, await sender.RunOnceAsync());
        Assert.Empty(_received);
        await using var check = _f.Open();
        var delivery = await check.WebhookDeliveries.SingleAsync();
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Contains("内部", delivery.LastError);
    }
}
