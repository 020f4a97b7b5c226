using System.Net;
using System.Xml.Linq;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Issue 10: the bad-input corpus in query strings and in the tokens and ids of URLs (GET, and POST where the page
/// has a form), as the person who opens them: never a 500, a page in Japanese (the page itself, a 404 or, for
/// transport garbage, the 400 page), feeds that stay well-formed XML, and nothing stored by a post.
/// </summary>
public sealed class BadInputQueryTests(BadInputSite site) : IClassFixture<BadInputSite>
{
    /// <summary>
    /// A URL with one place for the input: a query parameter, or {0} in the path. Kestrel takes request lines of at
    /// most 8 KB (a longer one is a 414 before the app sees it), so the whole-form inputs fill 8,000 characters.
    /// </summary>
    private sealed record Query(string Name, string? User, string Path, string? Parameter = null)
    {
        private const int Limit = 8_000;

        public bool Post { get; init; }
        public bool Feed { get; init; }

        public string Url(BadInput input)
        {
            var separator = Path.Contains('?') ? '&' : '?';
            if (input.Key is { } key) return $"{string.Format(Path, "x")}{separator}{Uri.EscapeDataString(key)}=1";
            var value = input.Whole ? new string('x', Limit) : input.Encoded ?? Uri.EscapeDataString(input.Text ?? "");
            if (Parameter is null) return string.Format(Path, value);
            if (input.Repeat == 1) return $"{Path}{separator}{Parameter}={value}";
            var repeated = Enumerable.Repeat($"{Parameter}=1", Limit / (Parameter.Length + 3));
            return $"{Path}{separator}{string.Join("&", repeated)}";
        }
    }

    private static readonly Query[] Public =
    [
        new("GET /alerts?category=", null, "/alerts", "category"),
        new("GET /alerts?area=", null, "/alerts", "area"),
        new("GET /alerts?month=", null, "/alerts", "month"),
        new("GET /alerts?p=", null, "/alerts", "p"),
        new("GET /alerts/{id}", null, "/alerts/{0}"),
        new("GET /alerts/{id}.cap.xml", null, "/alerts/{0}.cap.xml"),
        new("GET /feed.atom?category=", null, "/feed.atom", "category") { Feed = true },
        new("GET /feed.atom?area=", null, "/feed.atom", "area") { Feed = true },
        new("GET /poster?station=", null, "/poster", "station"),
        new("GET /subscribe?station=", null, "/subscribe", "station"),
        new("GET /subscribe/confirm/{token}", null, "/subscribe/confirm/{0}"),
        new("POST /subscribe/confirm/{token}", null, "/subscribe/confirm/{0}") { Post = true },
        new("GET /subscribe/start/{token}", null, "/subscribe/start/{0}"),
        new("POST /subscribe/start/{token}", null, "/subscribe/start/{0}") { Post = true },
        new("GET /subscribe/manage/{token}", null, "/subscribe/manage/{0}"),
        new("POST /subscribe/manage/{token} Save", null, "/subscribe/manage/{0}?handler=Save") { Post = true },
        new("POST /subscribe/manage/{token} Delete", null, "/subscribe/manage/{0}?handler=Delete") { Post = true },
        new("GET /unsubscribe/{token}", null, "/unsubscribe/{0}"),
        new("POST /unsubscribe/{token}", null, "/unsubscribe/{0}") { Post = true },
        new("GET /account/signin?ReturnUrl=", null, "/account/signin", "ReturnUrl"),
    ];

    private static readonly Query[] Ledger =
    [
        new("GET /ledger?year=", "demo-staff", "/ledger", "year"),
        new("GET /ledger?handler=Csv&year=", "demo-staff", "/ledger?handler=Csv", "year"),
        new("GET /ledger?handler=IndexCsv&year=", "demo-staff", "/ledger?handler=IndexCsv", "year"),
        new("GET /ledger/{id}", "demo-staff", "/ledger/{0}"),
    ];

    private static readonly Query[] Audit =
    [
        new("GET /admin/audit?From=", "demo-admin", "/admin/audit", "From"),
        new("GET /admin/audit?To=", "demo-admin", "/admin/audit", "To"),
        new("GET /admin/audit?Person=", "demo-admin", "/admin/audit", "Person"),
        new("GET /admin/audit?Action=", "demo-admin", "/admin/audit", "Action"),
    ];

    private static readonly Query[] Staff =
    [
        new("GET /dashboard?year=", "demo-staff", "/dashboard", "year"),
        new("GET /drafts/new?category=", "demo-staff", "/drafts/new", "category"),
        new("GET /drafts/{id}", "demo-staff", "/drafts/{0}"),
        new("GET /account/password?expired=", "demo-staff", "/account/password", "expired"),
    ];

    /// <summary>
    /// Every (URL, input) pair but a NUL in a path: Kestrel refuses such a request line (400) before the app, and
    /// the test server cannot even build the request.
    /// </summary>
    private static TheoryData<string, string> Cases(Query[] queries)
    {
        var data = new TheoryData<string, string>();
        foreach (var query in queries)
            foreach (var input in BadInputCorpus.All.Where(i => query.Parameter is not null || i.Name != "nul"))
                data.Add(query.Name, input.Name);
        return data;
    }

    public static TheoryData<string, string> PublicCases => Cases(Public);
    public static TheoryData<string, string> LedgerCases => Cases(Ledger);
    public static TheoryData<string, string> AuditCases => Cases(Audit);
    public static TheoryData<string, string> StaffCases => Cases(Staff);

    [Theory]
    [MemberData(nameof(PublicCases))]
    public Task T5_PublicPagesFeedsAndLinks_AnswerEveryBadInput_InJapanese(string query, string input) =>
        Check(Public, query, input);

    [Theory]
    [MemberData(nameof(LedgerCases))]
    public Task Y10_TheLedgerAndItsCsv_AnswerEveryBadInput_InJapanese(string query, string input) =>
        Check(Ledger, query, input);

    [Theory]
    [MemberData(nameof(AuditCases))]
    public Task Y12_3_1_TheAuditLogFilters_AnswerEveryBadInput_InJapanese(string query, string input) =>
        Check(Audit, query, input);

    [Theory]
    [MemberData(nameof(StaffCases))]
    public Task Y13_StaffPagesWithQueries_AnswerEveryBadInput_InJapanese(string query, string input) =>
        Check(Staff, query, input);

    private async Task Check(Query[] queries, string name, string inputName)
    {
        var query = queries.Single(q => q.Name == name);
        var input = BadInputCorpus.Named(inputName);
        var url = query.Url(input);
        var before = query.Post ? await site.Snapshot() : null;
        var (client, _) = await site.Client(query.User);
        using var response = query.Post ? await site.Post(query.User, url, new FormBody()) : await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var problems = BadInputAnswer.Broken(response.StatusCode, body).ToList();
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK or HttpStatusCode.Redirect:
                break;
            case HttpStatusCode.NotFound when body.Contains("見つかりませんでした", StringComparison.Ordinal):
                break;
            case HttpStatusCode.BadRequest when input.Transport:
                break;
            default:
                problems.Add($"status {(int)response.StatusCode}");
                break;
        }
        if (query.Feed && response.StatusCode == HttpStatusCode.OK && !WellFormed(body))
            problems.Add("the feed is not well-formed XML");
        if (before is not null && before != await site.Snapshot()) problems.Add("the post stored something");
        Assert.True(problems.Count == 0, $"{name} · {input.Name}: {string.Join("; ", problems)}");
    }

    private static bool WellFormed(string xml)
    {
        try
        {
            XDocument.Parse(xml);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}
