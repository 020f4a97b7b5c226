using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests;

/// <summary>The staff pages end to end over HTTP: write, approve, send, deliver over SMTP, ledger, CSV.</summary>
public sealed partial class StaffFlowTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static Dictionary<string, string> Draft(string headline = "声かけ事案の発生") => new()
    {
        ["Form.CategoryId"] = "child-safety",
        ["Form.Headline"] = headline,
        ["Form.OccurredAt"] = "2026-11-26T15:30",
        ["Form.Place"] = "長野市大字鶴賀地籍の路上",
        ["Form.WhatHappened"] = "下校中の女子児童が、男から声をかけられる事案が発生しました。",
        ["Form.PersonSex"] = "男",
        ["Form.VictimAge"] = "10",
        ["Form.VictimSex"] = "Female",
        ["Form.Areas"] = "長野市北部",
    };

    public static async Task<long> CreateDraft(HttpClient staff, Dictionary<string, string>? fields = null)
    {
        var response = await staff.PostForm("/drafts/new?handler=Save", fields ?? Draft());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(DraftId().Match(response.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<KeyValuePair<string, string>> AllConfirmations =>
        new[] { "no-investigation-hindrance", "victim-not-identifiable", "no-secondary-victimisation" }.Select(c => new KeyValuePair<string, string>("Confirmations", c));

    [GeneratedRegex(@"/drafts/(\d+)")]
    private static partial Regex DraftId();

    [Fact]
    public async Task PreviewShowsSubjectAndFindings_AndKeepsWhatWasTyped()
    {
        var staff = await _app.SignedIn("demo-staff");
        var page = await (await staff.PostForm("/drafts/new?handler=Preview", Draft("山田様の声かけ事案"), "/drafts/new")).Content.ReadAsStringAsync();
        Assert.Contains("【", page);
        Assert.Contains("山田様の声かけ事案", page); // kept in the form and shown in the preview
        Assert.Contains("class=\"warn\"", page);     // the privacy check warns about a name with an honorific
        Assert.Contains("情報配信者", page);
    }

    [Fact]
    public async Task BadInputKeepsTheFormAndSaysWhyInJapanese()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = Draft("");
        fields["Form.Place"] = "入力したままの場所";
        var response = await staff.PostForm("/drafts/new?handler=Save", fields, "/drafts/new");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("見出しを入力してください。", page);
        Assert.Contains("入力したままの場所", page);
    }

    [Fact]
    public async Task WriteApproveSendDeliverLedgerCsv()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await CreateDraft(staff);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostForm($"/drafts/{id}?handler=Submit", [])).StatusCode);

        var head = await _app.SignedIn("demo-head");
        var approve = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        var send = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var alertUrl = send.Headers.Location!.ToString();
        Assert.StartsWith("/sent/", alertUrl);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string page;
        do
        {
            await Task.Delay(200);
            page = await staff.GetStringAsync(alertUrl);
        } while (!page.Contains("配信完了") && DateTime.UtcNow < deadline);
        Assert.Contains("配信完了", page);
        Assert.Contains("<span id=\"percent\">100</span>", page);
        Assert.Contains(_app.Smtp.Accepted, m => m.Subject?.Contains("声かけ事案の発生") == true);

        var ledger = await staff.GetStringAsync("/ledger?year=2026");
        Assert.Contains("声かけ事案の発生", ledger);
        var csv = await staff.GetAsync("/ledger?handler=Csv&year=2026");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("声かけ事案の発生", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task ApprovalWithoutTheConfirmationsIsRefusedOnThePage()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        var response = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: AllConfirmations.Take(1));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Y11.1", await response.Content.ReadAsStringAsync());
    }

    /// <summary>T4(2): the approver sees the Yahoo!防災速報 decision (and the timing) before approving, as the writer did.</summary>
    [Fact]
    public async Task T4_2_ApproverSeesYahooEligibilityAndTimingBeforeApproving()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        var page = await head.GetStringAsync($"/drafts/{id}");
        Assert.Contains("id=\"approve\"", page);
        var decisions = Regex.Match(page, "<dl class=\"decisions\">.*?</dl>", RegexOptions.Singleline).Value;
        Assert.Contains("Yahoo!防災速報", decisions);
        Assert.Contains("情報提供の対象（生活安全企画課へ要請）", decisions);
        Assert.Contains("配信時間内（承認後すぐ配信）", decisions);
    }

    [Fact]
    public async Task UserTextIsDataNeverMarkup()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = Draft("<script>alert(1)</script>{{ 7*7 }}");
        var id = await CreateDraft(staff, fields);
        var page = await staff.GetStringAsync($"/drafts/{id}");
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}", page);
        Assert.DoesNotContain("49", Regex.Match(page, "<p class=\"subject\">[^<]*").Value);
    }
}
