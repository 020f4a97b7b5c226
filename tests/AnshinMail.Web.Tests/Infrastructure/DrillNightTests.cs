using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Drill;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// 訓練: the night and holiday paths practised by day. The app starts as a drill on its own clock (23:30 on a
/// weekday, 05:30 on a public holiday), and the duty officer's approval, the after-the-fact report to the
/// distributor and the emergency on the distributor's judgement are walked through the pages; every mail says
/// 【訓練】, every page says 訓練モード with the drill's time, and nothing reaches the real public archive, the
/// Yahoo!防災速報 relay or a webhook.
/// </summary>
public sealed class DrillNightTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _webhookCalls = new();
    private readonly HttpListener _hook = new();
    private readonly string _hookUrl;
    private readonly string _pickup = Directory.CreateTempSubdirectory("anshin-drill-pickup-").FullName;

    public DrillNightTests()
    {
        var port = AnshinMail.Rules.Tests.Delivery.Ports.Next();
        _hookUrl = $"http://127.0.0.1:{port}/hook/";
        _hook.Prefixes.Add(_hookUrl);
        _hook.Start();
        _ = Task.Run(async () =>
        {
            while (_hook.IsListening)
            {
                try
                {
                    var context = await _hook.GetContextAsync();
                    _webhookCalls.Enqueue(context.Request.Url?.ToString() ?? "");
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            }
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _hook.Close();
        Directory.Delete(_pickup, recursive: true);
        return Task.CompletedTask;
    }

    private WebApp Drill(string start, string? allowed)
    {
        var app = new WebApp(drill: start);
        app.Settings["AnshinMail:Webhooks:AllowedHosts:0"] = "127.0.0.1";
        app.Settings["AnshinMail:Delivery:AllowInsecureWebhooks"] = "true";
        app.Settings["AnshinMail:Drill:PickupDirectory"] = _pickup;
        if (allowed is not null) app.Settings["AnshinMail:Drill:AllowedRecipients"] = allowed;
        return app;
    }

    [Fact]
    public async Task Y9_4_ADrillAt2330OnAWeekday_DutyApproval_PostReport_EmergencyOnJudgement_MarkedAndNeverPublic()
    {
        await using var app = Drill("2026-11-30T23:30+09:00", "resident01@example.jp"); // Monday 30 November
        await Banner(app, "2026年11月30日（月）23:3");
        await RegisterWebhook(app);
        var staff = await app.SignedIn("demo-staff");

        // Y9.2: at night the duty officer approves, and owes the distributor an after-the-fact report.
        var held = await DraftForms.CreateDraft(staff, DraftForms.Draft("夜間の声かけ事案（訓練）"));
        var duty = await app.SignedIn("demo-duty");
        Assert.Contains("当直責任者（事後報告）", await duty.GetStringAsync($"/drafts/{held}"));
        await DraftForms.Approve(duty, held);
        var send = await staff.PostForm($"/drafts/{held}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        Assert.Contains("2026年12月1日（火）06:00", await staff.GetStringAsync(send.Headers.Location!.ToString()));
        await AcknowledgeReport(app);

        // Y9.4: an emergency sent by staff on the distributor's judgement by phone goes out now, marked.
        var urgent = await DraftForms.CreateDraft(staff, DraftForms.Draft("夜間の緊急事案（訓練）"));
        await DraftForms.Approve(await app.SignedIn("demo-head"), urgent);
        var sent = await staff.PostForm($"/drafts/{urgent}?handler=EmergencyJudged", Judgement("Phone",
            "2026-11-30T23:29"), extra: Conditions);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await Refusal(sent));
        var alert = await Delivered(app, "夜間の緊急事案（訓練）");

        var mail = Assert.Single(app.Smtp.Accepted, m => (m.Subject ?? "").Contains("夜間の緊急事案（訓練）"));
        Assert.StartsWith(DrillMode.SubjectMark, mail.Subject);
        Assert.All(app.Smtp.Accepted, m => Assert.StartsWith(DrillMode.SubjectMark, m.Subject));
        Assert.All(app.Smtp.Accepted, m => Assert.Equal("resident01@example.jp", m.To.Mailboxes.Single().Address));
        Assert.True(alert.Withheld > 0, "the other residents' mail is withheld by the drill");
        Assert.Equal(0, alert.Failed);
        Assert.Contains("訓練のため送信しなかったもの", await staff.GetStringAsync($"/sent/{alert.Id}"));
        await NothingPublic(app, alert);
    }

    [Fact]
    public async Task Y9_2_ADrillAt0530OnAPublicHoliday_DutyOfficerSendsOnTheInPersonJudgement_OnlyToThePickupFolder()
    {
        await using var app = Drill("2026-11-23T05:30+09:00", null); // 勤労感謝の日
        await Banner(app, "2026年11月23日（月）05:3");
        await RegisterWebhook(app);
        var staff = await app.SignedIn("demo-staff");
        var duty = await app.SignedIn("demo-duty");

        var id = await DraftForms.CreateDraft(staff, DraftForms.Draft("祝日早朝の緊急事案（訓練）"));
        await DraftForms.Approve(duty, id);
        await AcknowledgeReport(app);
        var sent = await duty.PostForm($"/drafts/{id}?handler=EmergencyJudged", Judgement("InPerson",
            "2026-11-23T05:29"), extra: Conditions);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await Refusal(sent));
        var alert = await Delivered(app, "祝日早朝の緊急事案（訓練）");

        Assert.Empty(app.Smtp.Accepted); // no allowed recipient: nothing leaves by SMTP
        var subjects = Directory.GetFiles(_pickup, "*.eml")
            .Select(f => MimeKit.MimeMessage.Load(f).Subject ?? "").ToList();
        Assert.Contains(subjects, s => s.Contains("祝日早朝の緊急事案（訓練）"));
        Assert.All(subjects, s => Assert.StartsWith(DrillMode.SubjectMark, s));
        Assert.Equal(alert.Recipients, alert.Delivered);
        var home = await (await app.SignedIn("demo-head")).GetStringAsync("/");
        Assert.Contains("未確認の緊急配信", home);
        Assert.Contains("対面 2026年11月23日（月）05:29", home);
        await NothingPublic(app, alert);
    }

    private static async Task Banner(WebApp app, string time)
    {
        foreach (var page in new[] { "/account/signin", "/alerts", "/subscribe" })
        {
            var html = await app.Browser().GetStringAsync(page);
            Assert.Contains("訓練モード：", html);
            Assert.Contains("訓練の時刻 " + time, html);
            Assert.Contains("（当直体制）", html);
        }
        Assert.Contains("訓練モード：", await (await app.SignedIn("demo-staff")).GetStringAsync("/"));
    }

    private async Task RegisterWebhook(WebApp app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OrganisationService>().RegisterAsync(
            new Person("demo-admin", "seikatsu-anzen-kikaku", new HashSet<Role> { Role.SecurityManager }),
            "長野市教育委員会（訓練）", "学校教育課 026-000-0000", "kyoiku-drill@example.jp",
            new SubscriptionChoice(["child-safety"], ["長野市北部"]), _hookUrl);
    }

    /// <summary>Y9.2: the distributor acknowledges the duty officer's after-the-fact report from the home
    /// page.</summary>
    private static async Task AcknowledgeReport(WebApp app)
    {
        var head = await app.SignedIn("demo-head");
        var home = await head.GetStringAsync("/");
        var action = Regex.Match(home, "action=\"(/reports/\\d+/acknowledge)\"").Groups[1].Value;
        Assert.NotEmpty(action);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostForm(action, [], formPage: "/")).StatusCode);
        Assert.DoesNotContain(action, await head.GetStringAsync("/"));
    }

    private static async Task<Alert> Delivered(WebApp app, string headline)
    {
        for (var i = 0; ; i++)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
            var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Subject.Contains(headline));
            if (alert.Status == AlertStatus.Sent) return alert;
            Assert.True(i < 600, $"the drill's alert was not delivered: {alert.Status}");
            await Task.Delay(100);
        }
    }

    /// <summary>T4(2), T5(2), Y7.4: the drill's alert is marked; a real run lists none of it; no relay request and
    /// no webhook call was made; the drill's own archive shows it marked 【訓練】.</summary>
    private async Task NothingPublic(WebApp app, Alert alert)
    {
        Assert.True(alert.Drill);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        var real = new PublicArchive(db, scope.ServiceProvider.GetRequiredService<PolicyEngine>());
        Assert.Empty((await real.PageAsync()).Alerts);
        Assert.False(await db.Requests.AnyAsync(r => r.Kind == RequestKind.YahooRelay));
        Assert.Empty(await db.WebhookDeliveries.ToListAsync());
        Assert.Empty(_webhookCalls);
        var archive = await app.Browser().GetStringAsync("/alerts");
        Assert.Contains(DrillMode.SubjectMark + "【子供安全情報】", archive);
        Assert.Contains("<status>Exercise</status>", await app.Browser().GetStringAsync($"/alerts/{alert.Id}.cap.xml"));
    }

    /// <summary>What the page said when it did not redirect: its alerts, for the failure message.</summary>
    private static async Task<string> Refusal(HttpResponseMessage response) => string.Join(" / ",
        Regex.Matches(await response.Content.ReadAsStringAsync(), "role=\"alert\"[^>]*>([^<]*)")
            .Select(m => m.Groups[1].Value));

    private static Dictionary<string, string> Judgement(string means, string at) => new()
    {
        ["JudgeId"] = "demo-head",
        ["Means"] = means,
        ["JudgedAt"] = at,
        ["Rechecked"] = "true",
    };

    private static IEnumerable<KeyValuePair<string, string>> Conditions =>
        new[] { "serious-repeat", "suspect-at-large", "harm-spreading", "urgent-notice" }
            .Select(c => KeyValuePair.Create("Conditions", c));
}
