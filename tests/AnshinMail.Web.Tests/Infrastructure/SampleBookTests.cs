using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// T5, issue 14: the app on the fictional sample book (rules/sample.json, its demo rules/sample.demo.json): every
/// staff page answers for its roles and every public page for anyone, a draft is written, approved and sent into the
/// SMTP sink with the sample's template and hours (07:00–21:00), the map is the sample's, and nothing of Nagano shows.
/// </summary>
public sealed partial class SampleBookTests : IAsyncLifetime
{
    private static readonly string SamplePath = Path.Combine(Repository.Root, "rules", "sample.json");
    private readonly WebApp _app = new();
    private PolicyBook Book => _app.Services.GetRequiredService<PolicyBook>();
    private DemoScript Demo => DemoScript.For(Book)!;

    public Task InitializeAsync()
    {
        _app.Settings["AnshinMail:PolicyBook"] = SamplePath;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] StaffPages =
    [
        "/", "/drafts/new", "/ledger", "/dashboard", "/policy-book", "/abnormality", "/account/password",
        "/account/notifications", "/requests/new",
    ];

    private static readonly string[] AdminPages = ["/admin/audit", "/admin/organisations", "/admin/accounts",
        "/ledger/retention"];

    private static readonly string[] PublicPages =
    [
        "/subscribe", "/subscribe?easy=1", "/alerts", "/terms", "/privacy", "/poster", "/feed.atom", "/cap.atom",
        "/healthz",
    ];

    [Fact]
    public async Task T5_EveryStaffPage_AnswersForEveryDemoPerson_InTheSampleBook()
    {
        Assert.Equal(SamplePath, Book.SourcePath);
        foreach (var person in Demo.Accounts)
        {
            var client = await _app.SignedIn(person.Id);
            foreach (var url in StaffPages)
            {
                var response = await client.GetAsync(url);
                Assert.True(HttpStatusCode.OK == response.StatusCode, $"{person.Id} {url}: {response.StatusCode}");
                AssertSample(await response.Content.ReadAsStringAsync(), $"{person.Id} {url}");
            }
        }
        var manager = Demo.Accounts.First(a => a.Roles.Contains(Rules.Policy.Role.SecurityManager));
        var admin = await _app.SignedIn(manager.Id);
        foreach (var url in AdminPages)
        {
            var response = await admin.GetAsync(url);
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{url}: {response.StatusCode}");
            AssertSample(await response.Content.ReadAsStringAsync(), url);
        }
        var staff = await _app.SignedIn(Demo.Writer);
        var denied = await staff.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/account/denied", denied.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task T5_EveryPublicPage_AnswersForAnyone_WithTheSampleNames()
    {
        var client = _app.Browser();
        foreach (var url in PublicPages)
        {
            var response = await client.GetAsync(url);
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{url}: {response.StatusCode}");
            AssertSample(await response.Content.ReadAsStringAsync(), url);
        }
        Assert.Contains(Book.SystemName, await client.GetStringAsync("/subscribe"));
        Assert.Contains(Book.Prefecture, await client.GetStringAsync("/terms"));
    }

    /// <summary>T5: the archive's map is drawn from the sample's boundary file: its 20 fictional municipalities,
    /// its credit line, and the demo's alerts in 見本市.</summary>
    [Fact]
    public async Task T5_TheArchiveMap_IsTheSampleBooksGeography()
    {
        var page = await _app.Browser().GetStringAsync("/alerts");
        var map = Regex.Match(page, "<figure class=\"map\" id=\"archive-map\">.*?</figure>", RegexOptions.Singleline)
            .Value;
        Assert.Equal(Book.Boundaries.Municipalities.Count, Regex.Matches(map, "<path ").Count);
        Assert.Equal(20, Book.Boundaries.Municipalities.Count);
        Assert.Contains(Book.Geography!.Credit, map);
        Assert.Contains("見本市", map);
        var first = Regex.Match(await _app.Browser().GetStringAsync("/cap.atom"), @"/alerts/(\d+)\.cap\.xml").Value;
        var cap = await _app.Browser().GetStringAsync(first);
        Assert.Contains($"<sender>{Book.Sender.Address}</sender>", cap);
        Assert.Contains("<polygon>", cap);
        Assert.Contains($"<value>{Book.AreaCodes["見本市東部"]}</value>", cap);
    }

    /// <summary>Y9, Y9.4, T5: written, approved and sent by day into the SMTP sink with the sample's template and
    /// footer; at 21:00 (the sample's closing, where Nagano still sends) a release is held to 07:00.</summary>
    [Fact]
    public async Task Y9_4_DraftApprovedAndSent_WithTheSampleTemplate_AndHeldFrom2100To0700()
    {
        var staff = await _app.SignedIn(Demo.Writer);
        var head = await _app.SignedIn(Demo.Approver);
        var form = await staff.GetAsync("/drafts/new");
        Assert.True(HttpStatusCode.OK == form.StatusCode, $"{form.StatusCode} {form.Headers.Location}");
        var id = await DraftForms.CreateDraft(staff, Draft("不審者のつきまとい"));
        await DraftForms.Approve(head, id);
        var sent = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await Delivered("不審者のつきまとい");
        Assert.Equal(Book.Sender.Address, mail.From.Mailboxes.Single().Address);
        Assert.StartsWith("［こども見守り情報］不審者のつきまとい／見本中央警察署", mail.Subject);
        var body = Assert.IsType<TextPart>(mail.Body).Text;
        Assert.Contains("■場所　見本市東部一丁目の公園付近", body);
        Assert.Contains("サンプル県警察「みほんまもりメール」（架空のサンプル）", body);
        AssertSample(body, "mail");

        // Seven hours later the sample's 20-minute session has ended: both sign in again.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 21, 0, 0, TimeSpan.FromHours(9)));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/drafts/new")).StatusCode);
        staff = await _app.SignedIn(Demo.Writer);
        head = await _app.SignedIn(Demo.Approver);
        var late = await DraftForms.CreateDraft(staff, Draft("夜の声かけ"));
        await DraftForms.Approve(head, late);
        var held = await staff.PostForm($"/drafts/{late}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        var alert = await db.Alerts.SingleAsync(a => a.Subject.Contains("夜の声かけ"));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.FromHours(9)), alert.ScheduledFor);
    }

    private Dictionary<string, string> Draft(string headline) => new()
    {
        ["Form.CategoryId"] = "kodomo-mimamori",
        ["Form.Headline"] = headline,
        ["Form.OccurredAt"] = "2026-11-26T15:30",
        ["Form.Place"] = "見本市東部一丁目の公園",
        ["Form.WhatHappened"] = "下校中の男子児童が、男に後をつけられる事案が発生しました。",
        ["Form.PersonSex"] = "男",
        ["Form.VictimAge"] = "9",
        ["Form.VictimSex"] = "Male",
        ["Form.Areas"] = "見本市東部",
    };

    private async Task<MimeMessage> Delivered(string headline)
    {
        for (var i = 0; ; i++)
        {
            if (_app.Smtp.Accepted.FirstOrDefault(m => m.Subject?.Contains(headline) == true) is { } mail) return mail;
            Assert.True(i < 600, $"「{headline}」 was not delivered");
            await Task.Delay(100);
        }
    }

    /// <summary>Nothing of the Nagano book on a page of the sample installation.</summary>
    private static void AssertSample(string text, string where)
    {
        foreach (var nagano in new[] { "長野", "ライポ", "総合当直", "広報相談課" })
            Assert.False(text.Contains(nagano, StringComparison.Ordinal), $"{where}: {nagano}");
    }
}
