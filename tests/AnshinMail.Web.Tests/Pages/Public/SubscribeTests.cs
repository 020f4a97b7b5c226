using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MimeKit;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>T5 over HTTP with a real SMTP server: opt-in, tokens, settings, one-click unsubscribe, archive, feeds.</summary>
public sealed partial class SubscribeTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"https?://[^/\s]+(/subscribe/confirm/[A-Za-z0-9_\-\.]+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"https?://[^/\s]+(/subscribe/manage/[A-Za-z0-9_\-]+)")]
    private static partial Regex ManageLink();

    private static Dictionary<string, string> Form(string email) => new() { ["Email"] = email, ["Categories"] = "child-safety", ["Areas"] = "長野市北部" };

    private MimeMessage? MailTo(string address) => _app.Smtp.Accepted.LastOrDefault(m => m.To.Mailboxes.Any(x => x.Address == address));

    private async Task<string> Register(HttpClient client, string email)
    {
        var page = await (await client.PostForm("/subscribe", Form(email))).Content.ReadAsStringAsync();
        Assert.Contains("確認のメールを送りました", page);
        var mail = MailTo(email) ?? throw new Xunit.Sdk.XunitException("no confirmation mail");
        return ConfirmLink().Match(mail.TextBody ?? "").Groups[1].Value;
    }

    [Fact]
    public async Task T5_DoubleOptIn_LinkIsSingleUse_NothingSentBefore()
    {
        var client = _app.Browser();
        var link = await Register(client, "parent@example.jp");
        Assert.Contains("登録を完了する", await client.GetStringAsync(link)); // GET only shows the button
        var done = await (await client.PostForm(link, [])).Content.ReadAsStringAsync();
        Assert.Contains("登録が完了しました", done);
        var again = await (await client.PostForm(link, [], formPage: "/subscribe")).Content.ReadAsStringAsync();
        Assert.Contains("このリンクは無効です", again);
    }

    [Fact]
    public async Task T5_ExpiredLinkIsRefused()
    {
        var client = _app.Browser();
        var link = await Register(client, "late@example.jp");
        _app.Clock.Advance(TimeSpan.FromHours(49));
        Assert.Contains("このリンクは無効です", await client.GetStringAsync(link));
    }

    [Fact]
    public async Task T5_TamperedLinkIsRefused()
    {
        var client = _app.Browser();
        var link = await Register(client, "tamper@example.jp");
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        Assert.Contains("このリンクは無効です", await client.GetStringAsync(tampered));
    }

    [Fact]
    public async Task T5_ReRegisteringAKnownAddressMailsItInsteadOfSayingSo()
    {
        var client = _app.Browser();
        var first = await (await client.PostForm("/subscribe", Form("resident01@example.jp"))).Content.ReadAsStringAsync();
        Assert.Contains("確認のメールを送りました", first); // the same words as for a new address
        var mail = MailTo("resident01@example.jp")!;
        Assert.Contains("すでに登録されています", mail.Subject);
        Assert.Matches(ManageLink(), mail.TextBody ?? "");
    }

    /// <summary>
    /// The relay is down when a resident registers: a Japanese message on the form, everything typed kept,
    /// and the five-minute limit on mails to one address is not spent, so trying again once the relay is
    /// back sends the confirmation (it used to say "sent" and send nothing).
    /// </summary>
    [Fact]
    public async Task T5_RelayDownAtRegistration_FormKept_RetryAfterwardsSendsTheConfirmation()
    {
        var client = _app.Browser();
        await _app.Smtp.StopAsync();
        var failed = await client.PostForm("/subscribe", Form("outage@example.jp"));
        var page = await failed.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("確認メールを送信できませんでした", page);
        Assert.DoesNotContain("確認のメールを送りました", page);
        Assert.Contains("value=\"outage@example.jp\"", page);
        Assert.Contains("value=\"長野市北部\" checked", page);

        _app.Smtp.Start();
        var link = await Register(client, "outage@example.jp");
        Assert.Contains("登録を完了する", await client.GetStringAsync(link));
    }

    [Fact]
    public async Task T5_BadAddressGetsAJapaneseErrorAndKeepsTheForm()
    {
        var page = await (await _app.Browser().PostForm("/subscribe", Form("not-an-address"))).Content.ReadAsStringAsync();
        Assert.Contains("メールアドレスの形式が正しくありません。", page);
        Assert.Contains("value=\"not-an-address\"", page);
        Assert.Contains("value=\"長野市北部\" checked", page);
    }

    [Fact]
    public async Task T5_SettingsChange_ThenDeleteForGood()
    {
        var client = _app.Browser();
        var link = await Register(client, "mama@example.jp");
        var done = await (await client.PostForm(link, [])).Content.ReadAsStringAsync();
        var manage = Regex.Match(done, "href=\"(/subscribe/manage/[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(manage);
        var saved = await client.PostForm($"{manage}?handler=Save", new() { ["Categories"] = "traffic-safety", ["Areas"] = "松本市", ["Paused"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetStringAsync(manage);
        Assert.Contains("value=\"松本市\" checked", page);
        Assert.DoesNotContain("value=\"長野市北部\" checked", page);
        Assert.Contains("name=\"Paused\" value=\"true\" checked", page);
        await client.PostForm($"{manage}?handler=Delete", []);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(manage)).StatusCode);
    }

    [Fact]
    public async Task T5_ListUnsubscribeOfARealAlert_OneClickPostWithoutCookiesOrToken()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        MimeMessage? mail = null;
        for (var i = 0; i < 150 && mail is null; i++)
        {
            await Task.Delay(100);
            mail = _app.Smtp.Accepted.FirstOrDefault(m => m.Subject?.Contains("声かけ事案の発生") == true && m.To.Mailboxes.Single().Address == "resident01@example.jp");
        }
        Assert.NotNull(mail);
        var url = Regex.Match(mail.Headers["List-Unsubscribe"]!, "<(https?://[^>]+)>").Groups[1].Value;
        var path = new Uri(url).AbsolutePath;
        Assert.Contains("配信を停止する", await _app.Browser().GetStringAsync(path)); // GET: a page with a button, nothing changed

        using var mailClient = _app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var response = await mailClient.PostAsync(path, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("このリンクの登録は見つかりません", await _app.Browser().GetStringAsync(path));
    }

    [Fact]
    public async Task T5_ArchiveAtomAndCap_FromTheDemo()
    {
        var client = _app.Browser();
        var archive = await client.GetStringAsync("/alerts");
        Assert.Contains("クマの目撃情報", archive);
        Assert.Contains("解除済み", archive);
        // Newest first: the correction, then the original (the last match).
        var id = Regex.Matches(archive, "href=\"/alerts/(\\d+)\">[^<]*クマの目撃情報").Last().Groups[1].Value;
        var detail = await client.GetStringAsync($"/alerts/{id}");
        Assert.Contains("修正", detail);
        Assert.DoesNotContain("demo-staff", detail); // no staff names on public pages
        var atom = XDocument.Parse(await client.GetStringAsync("/feed.atom?category=crime-prevention"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.All(atom.Root!.Elements(a + "entry"), e => Assert.Equal("crime-prevention", e.Element(a + "category")!.Attribute("term")!.Value));
        var cap = await client.GetAsync($"/alerts/{id}.cap.xml");
        Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<msgType>Alert</msgType>", await cap.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cap.atom")).StatusCode);
    }

    [Fact]
    public async Task T5_AStationAsAWholeSubscribesAllItsAreas()
    {
        var client = _app.Browser();
        var page = await (await client.PostForm("/subscribe", new() { ["Email"] = "whole@example.jp", ["Categories"] = "child-safety", ["Stations"] = "nagano-chuo" })).Content.ReadAsStringAsync();
        Assert.Contains("確認のメールを送りました", page);
        var link = ConfirmLink().Match(MailTo("whole@example.jp")!.TextBody ?? "").Groups[1].Value;
        var done = await (await client.PostForm(link, [])).Content.ReadAsStringAsync();
        var manage = Regex.Match(done, "href=\"(/subscribe/manage/[^\"]+)\"").Groups[1].Value;
        var settings = await client.GetStringAsync(manage);
        foreach (var area in new[] { "長野市北部", "信濃町", "飯綱町", "小川村" })
            Assert.Contains($"value=\"{area}\" checked", settings);
        Assert.DoesNotContain("value=\"長野市南部\" checked", settings);
    }

    private AnshinMail.Rules.PolicyBooks.PolicyBook Book() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<AnshinMail.Rules.PolicyBooks.PolicyBook>(_app.Services);

    /// <summary>Issue 16: before sending, the form states the terms and privacy (linked), the domain-filter advice
    /// with the sender's domain, and the empty-mail address.</summary>
    [Fact]
    public async Task T5_TermsPrivacyDomainAdviceAndEmptyMailAreStatedBeforeSending()
    {
        var page = await _app.Browser().GetStringAsync("/subscribe");
        var book = Book();
        var button = page.IndexOf("確認メールを送る</button>", StringComparison.Ordinal);
        Assert.True(button > 0);
        foreach (var before in new[]
                 {
                     "href=\"/terms\"", "href=\"/privacy\"", "に同意したものとします",
                     $"{book.SenderDomain} からのメールを受信できるよう設定してください",
                     $"href=\"mailto:{book.Registration.Address}\"",
                 })
        {
            var at = page.IndexOf(before, StringComparison.Ordinal);
            Assert.True(at > 0 && at < button, $"{before} is not before the button");
        }
    }

    /// <summary>Issue 16: stations are folded (details) with a count of what is chosen, 「管内すべて」 per station, and
    /// the summary of the choice sits above the button, without script.</summary>
    [Fact]
    public async Task T5_StationsFoldedWithCounts_SummaryAboveTheButton()
    {
        var page = await _app.Browser().GetStringAsync("/subscribe?station=kiso");
        var book = Book();
        Assert.Equal(book.Stations.Count(), Regex.Matches(page, "<details class=\"station\"").Count);
        Assert.Equal(book.Stations.Count(), Regex.Matches(page, "name=\"Stations\"").Count);
        var kiso = book.Unit("kiso");
        Assert.Contains($"data-count-of=\"kiso\">{kiso.Jurisdiction.Count}/{kiso.Jurisdiction.Count}</span>", page);
        Assert.Contains("name=\"Stations\" value=\"kiso\" checked", page);
        var summary = page.IndexOf("id=\"summary-areas\"", StringComparison.Ordinal);
        Assert.Contains("木曽警察署管内すべて", page[summary..page.IndexOf("</dd>", summary, StringComparison.Ordinal)]);
        Assert.True(summary < page.IndexOf("確認メールを送る</button>", StringComparison.Ordinal));
    }

    /// <summary>Issue 16: an address a carrier issued before RFC rules registers, and the confirmation reaches it
    /// through the real SMTP server (quoted in the envelope).</summary>
    [Fact]
    public async Task T5_CarrierAddressRegisters_ConfirmationDelivered()
    {
        var client = _app.Browser();
        var page = await (await client.PostForm("/subscribe", Form("a..b@ezweb.ne.jp"))).Content.ReadAsStringAsync();
        Assert.Contains("確認のメールを送りました", page);
        var mail = MailTo("\"a..b\"@ezweb.ne.jp") ?? throw new Xunit.Sdk.XunitException("no confirmation mail");
        var link = ConfirmLink().Match(mail.TextBody ?? "").Groups[1].Value;
        Assert.Contains("登録が完了しました", await (await client.PostForm(link, [])).Content.ReadAsStringAsync());
    }
}
