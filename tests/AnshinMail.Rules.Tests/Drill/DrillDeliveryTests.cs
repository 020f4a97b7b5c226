using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Drill;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Subscribers;
using AnshinMail.Rules.Tests.Delivery;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Drill;

/// <summary>
/// Y7.4 (no act that lowers the system's safety): a drill cannot publish to the world. Its mail reaches only
/// the allowed recipients, marked 【訓練】; the rest is withheld and counted, never a failure; its alerts are marked
/// in storage, so that a real run on the same database never delivers, lists, relays or posts them.
/// </summary>
public sealed class DrillDeliveryTests : IDisposable
{
    private static readonly DrillMode Drill = DrillMode.Parse("2026-11-27T14:00+09:00", ["@police.example.jp"]);
    private readonly WorkflowFixture _f = new() { Drill = Drill };
    private readonly WorkflowFixture _real;

    public DrillDeliveryTests() => _real = new WorkflowFixture();

    public void Dispose()
    {
        _f.Dispose();
        _real.Dispose();
    }

    private async Task<Alert> Load(long id)
    {
        await using var db = _f.Open();
        return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task Y7_4_ADrillMailsOnlyAllowedRecipients_Marked_AndCountsTheRestAsWithheld()
    {
        await using (var db = _f.Open())
        {
            _f.Subscribe(db, "duty@police.example.jp");
            _f.Subscribe(db, "resident@example.jp");
            await db.SaveChangesAsync();
        }
        var sent = await _f.SentAlert();
        var recording = new RecordingTransport();
        var options = new DeliveryOptions { RetryDelay = TimeSpan.FromMilliseconds(10), BatchSize = 10 };

        await _f.Runner(DrillTransport.For(Drill, recording, options), options).RunOnceAsync();

        var handed = Assert.Single(recording.Handed);
        Assert.Equal("duty@police.example.jp", handed.To.Mailboxes.Single().Address);
        Assert.StartsWith(DrillMode.SubjectMark, handed.Subject);
        var alert = await Load(sent.AlertId);
        Assert.True(alert.Drill);
        Assert.Equal((1, 1, 0), (alert.Delivered, alert.Withheld, alert.Failed));
        await using var check = _f.Open();
        Assert.Empty(await check.DeliveryFailures.ToListAsync()); // never a failure: no resident is suspended by drills
    }

    [Fact]
    public async Task Y7_4_ARealRunOnTheSameDatabase_NeverDeliversOrListsADrillsAlert()
    {
        await using (var setup = _f.Open())
        {
            _f.Subscribe(setup, "resident@example.jp");
            await setup.SaveChangesAsync();
        }
        var sent = await _f.SentAlert();
        var recording = new RecordingTransport();
        var options = new DeliveryOptions { BatchSize = 10 };
        var real = new DeliveryRunner(_f.Open, recording, new AlertMessageFactory(TestBook.Book, options), options,
            _f.Clock);

        await real.RunOnceAsync();

        Assert.Empty(recording.Handed);
        Assert.Equal(AlertStatus.Sending, (await Load(sent.AlertId)).Status);
        await using var db = _f.Open();
        Assert.Empty((await new PublicArchive(db, TestBook.Engine).PageAsync()).Alerts);
        Assert.Null(await new PublicArchive(db, TestBook.Engine).FindAsync(sent.AlertId));
        var shown = Assert.Single((await new PublicArchive(db, TestBook.Engine, Drill).PageAsync()).Alerts);
        Assert.StartsWith(DrillMode.SubjectMark, shown.Subject);
        Assert.Contains("<status>Exercise</status>",
            new CapDocument(TestBook.Book).Write(shown, [], "https://anshin.example.jp"));
    }

    [Fact]
    public async Task Y7_4_ADrillsAlert_IsNeverAskedOfTheYahooRelay_NorListedByARealArchive()
    {
        var drill = await _f.SentAlert("child-safety"); // T4(2): a child-safety alert always qualifies for the relay
        var real = await _real.SentAlert("child-safety");
        await using var db = _f.Open();
        Assert.Empty(drill.RequestIds);
        Assert.False(await db.Requests.AnyAsync(r => r.Kind == RequestKind.YahooRelay));
        await using var realDb = _real.Open();
        Assert.True(await realDb.Requests.AnyAsync(r => r.Kind == RequestKind.YahooRelay && r.AlertId == real.AlertId));
    }

    [Fact]
    public async Task T5_2_ADrillPostsNoWebhook_AndARealRunQueuesNoneForADrillsAlert()
    {
        var options = new DeliveryOptions { AllowInsecureWebhooks = true };
        var webhooks = new WebhookOptions { AllowedHosts = ["127.0.0.1"] };
        await using (var db = _f.Open())
            await new OrganisationService(db, TestBook.Book, _f.Clock, options, webhooks).RegisterAsync(
                SecurityManager, "長野市教育委員会", "学校教育課 026-000-0000", "kyoiku@example.jp",
                new SubscriptionChoice(["child-safety"], ["長野市北部"]), "http://127.0.0.1:9/hook/");
        await _f.SentAlert();

        Assert.Equal(0, await new WebhookSender(_f.Open, TestBook.Book, options, _f.Clock, webhooks: webhooks,
            drill: Drill).RunOnceAsync());
        Assert.Equal(0, await new WebhookSender(_f.Open, TestBook.Book, options, _f.Clock, webhooks: webhooks)
            .RunOnceAsync());
        await using var check = _f.Open();
        Assert.Empty(await check.WebhookDeliveries.ToListAsync());
    }

    [Fact]
    public async Task Y7_4_WithoutAllowedRecipients_EveryMarkedMessageGoesToThePickupFolder_AndAnUnmarkedOneNowhere()
    {
        var folder = Directory.CreateTempSubdirectory("anshin-drill-").FullName;
        try
        {
            var drill = DrillMode.Parse("2026-11-27T23:30+09:00", []);
            var options = new DeliveryOptions { Transport = "smtp", Host = "192.0.2.1", PickupDirectory = folder };
            var transport = DrillTransport.For(drill, MailTransports.Create(options), options);
            var factory = new AlertMessageFactory(TestBook.Book, options, drill);
            var text = new AnshinMail.Rules.Templates.RenderedMessage("登録の確認", "本文");
            await using var session = await transport.OpenAsync(CancellationToken.None);
            using var marked = factory.BuildNotice("resident@example.jp", text, "auto-generated", _f.Clock.GetUtcNow());
            using var unmarked = new AlertMessageFactory(TestBook.Book, options)
                .BuildNotice("resident@example.jp", text, "auto-generated", _f.Clock.GetUtcNow());

            Assert.False((await session.SendAsync(marked, CancellationToken.None)).Withheld);
            Assert.True((await session.SendAsync(unmarked, CancellationToken.None)).Withheld);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            Assert.Equal("【訓練】登録の確認", MimeKit.MimeMessage.Load(file).Subject);
            Assert.StartsWith("訓練", transport.Describe());
            Assert.Equal(1, ((DrillTransport)transport).Withheld);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
