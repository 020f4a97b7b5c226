using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Y7.2, Y10: what people read shows people by name and roles, states and kinds in Japanese: every staff page, as
/// every role of the demo, and the ledger's CSV carry no login ID (demo-head …) and no enum name (Distributor,
/// DutyOfficer, Submitted, Scheduled …) in their visible text.
/// </summary>
public sealed partial class ReadableTextTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] LoginIds =
        DemoScript.For(PolicyBook.Load(Path.Combine(Repository.Root, "rules", "nagano.json")))!
        .Accounts.Select(p => p.Id).ToArray();

    private static readonly string[] EnumNames = new[]
        {
            typeof(Role), typeof(ApprovalRegime), typeof(DraftStatus), typeof(AlertStatus), typeof(RequestKind),
            typeof(RequestStatus), typeof(FollowUpKind), typeof(SignInOutcome), typeof(SendTiming), typeof(Sex),
            typeof(PhysicalHarm), typeof(UnitKind), typeof(YahooRelayMode),
        }
        .SelectMany(Enum.GetNames).Append("Pending").Distinct().ToArray();

    /// <summary>The security manager's account page is where user IDs are issued and administered: it shows them
    /// by design (and nothing else shows them).</summary>
    private const string AccountsPage = "/admin/accounts";

    private static readonly string[] Starts =
    [
        "/", "/drafts/new", "/ledger", "/dashboard", "/policy-book", "/abnormality", "/account/password",
        "/admin/audit", "/admin/organisations", AccountsPage, "/ledger/retention", "/requests/new",
    ];

    [Fact]
    public async Task Y7_2_EveryStaffPage_AsEveryRole_ShowsNamesNotLoginIds_AndNoEnumNames()
    {
        await Activity();
        var problems = new List<string>();
        var visited = 0;
        foreach (var user in LoginIds)
        {
            var client = await _app.SignedIn(user);
            foreach (var (url, text) in await Crawl(client))
            {
                visited++;
                if (url != AccountsPage)
                    problems.AddRange(LoginIds.Where(text.Contains).Select(id => $"{user} {url}: ID {id}"));
                problems.AddRange(EnumsIn(Literal().Replace(text, " ")).Select(e => $"{user} {url}: {e}"));
            }
        }
        Assert.True(visited > 7 * 10, $"{visited} pages");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Y10_LedgerCsv_AndIndexCsv_ShowNamesNotLoginIds_AndNoEnumNames()
    {
        await Activity();
        foreach (var user in new[] { "demo-admin", "demo-head" })
        {
            var client = await _app.SignedIn(user);
            foreach (var handler in new[] { "Csv", "IndexCsv" })
            {
                var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/ledger?handler={handler}&year=2026"));
                Assert.Contains("2026-", csv);
                Assert.DoesNotContain(LoginIds, csv.Contains);
                Assert.Empty(EnumsIn(csv));
                if (handler == "Csv") Assert.Contains("中央 一郎（署長・情報配信者）", csv);
            }
        }
    }

    /// <summary>Y9.3: the operator of a send is named on the alert's page (staff register and send).</summary>
    [Fact]
    public async Task Y9_3_TheSentPageNamesWhoOperatedTheSend()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        await DraftForms.Approve(await _app.SignedIn("demo-head"), id);
        var sent = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        var page = await staff.GetStringAsync(sent.Headers.Location!.ToString());
        Assert.Contains("配信の操作 長野 太郎（署員）", page);
    }

    /// <summary>Work of every kind, so the pages have something of each to show: a draft awaiting approval, an
    /// approval by the PR officer (a report owed), a re-approval, a refusal, a request to HQ, an abnormality.</summary>
    private async Task Activity()
    {
        var staff = await _app.SignedIn("demo-staff");
        var head = await _app.SignedIn("demo-head");
        var pending = await DraftForms.CreateDraft(staff);
        await staff.PostForm($"/drafts/{pending}?handler=Submit", []);
        await staff.PostForm($"/drafts/{pending}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        var deputy = await DraftForms.CreateDraft(staff);
        await (await _app.SignedIn("demo-pr")).PostForm($"/drafts/{deputy}?handler=Approve",
            new() { ["DistributorAbsent"] = "true" }, extra: DraftForms.AllConfirmations);
        await staff.PostForm($"/drafts/{deputy}/edit?handler=Save", DraftForms.Draft("声かけ事案の発生（続報）"));
        await DraftForms.Approve(head, deputy);
        var wide = await DraftForms.CreateDraft(staff, DraftForms.Draft("広域の声かけ事案"));
        await staff.PostForm($"/drafts/{wide}/edit?handler=Save", DraftForms.Draft("広域の声かけ事案"),
            extra: [new("Form.Areas", "須坂市")]);
        await DraftForms.Approve(head, wide);
        await staff.PostForm($"/drafts/{wide}?handler=Send", new() { ["Rechecked"] = "true" });
        await staff.PostForm("/abnormality", new() { ["Description"] = "登録した配信の表示がおかしい" });
    }

    /// <summary>The staff pages reachable from the starts by links, once each (downloads and public pages left out);
    /// only pages this person may open (200) are read.</summary>
    private static async Task<List<(string Url, string Text)>> Crawl(HttpClient client)
    {
        var seen = new HashSet<string>(Starts);
        var queue = new Queue<string>(Starts);
        var pages = new List<(string, string)>();
        while (queue.Count > 0 && pages.Count < 80)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.StatusCode != HttpStatusCode.OK
                || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            pages.Add((url, Visible(Quoted().Replace(html, "\u0001$1\u0002"))));
            foreach (var link in Links().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
                if (Staff(link) && seen.Add(link)) queue.Enqueue(link);
        }
        return pages;
    }

    private static bool Staff(string link) =>
        link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)
        && !link.Contains("handler=", StringComparison.OrdinalIgnoreCase)
        && !Regex.IsMatch(link, "^/(alerts|subscribe|poster|feed|cap|account/signout|healthz|css|js)");

    /// <summary>The text a reader sees: no markup, no attribute values, no script or style.</summary>
    private static string Visible(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Hidden().Replace(html, " "), " "));

    private static IEnumerable<string> EnumsIn(string text) =>
        EnumNames.Where(name => Regex.IsMatch(text, $"(?<![A-Za-z]){name}(?![A-Za-z])"));

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Links();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    /// <summary>What a page quotes literally from a file (a book key or value in &lt;code&gt;, e.g. CAP's own code
    /// "Other"): read as the file says it, not as a label; marked so the enum check skips it.</summary>
    [GeneratedRegex("<code>(.*?)</code>", RegexOptions.Singleline)]
    private static partial Regex Quoted();

    [GeneratedRegex("\u0001[^\u0002]*\u0002")]
    private static partial Regex Literal();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
