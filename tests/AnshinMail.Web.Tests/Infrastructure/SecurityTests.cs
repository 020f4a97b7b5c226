using System.Net;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>Sign-in, lockout, forced password change, antiforgery, headers, error page, authorization matrix.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Y7_3_UnknownUserWrongPasswordAndLockGetTheSameAnswer_FiveFailuresStillLock()
    {
        var client = _app.Browser();
        async Task<HttpResponseMessage> Try(string user, string password) =>
            await client.PostForm("/account/signin", new() { ["UserId"] = user, ["Password"] = password });
        var answers = new List<HttpResponseMessage> { await Try("nobody", "x") };
        for (var i = 0; i < 5; i++) answers.Add(await Try("demo-staff", "wrong"));
        var right = await Try("demo-staff", "anshin-demo-2026");
        answers.Add(right);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        foreach (var answer in answers)
        {
            var text = await answer.Content.ReadAsStringAsync();
            Assert.Contains("ユーザIDまたはパスワードが正しくありません。", text);
            Assert.DoesNotContain("ロックしています", text);
        }
    }

    [Fact]
    public async Task IssuedAccountMustChangeItsPasswordBeforeAnythingElse()
    {
        var admin = await _app.SignedIn("demo-admin");
        var issued = await (await admin.PostForm("/admin/accounts?handler=Issue",
            new() { ["UserId"] = "new-officer", ["DisplayName"] = "新任 職員", ["UnitId"] = "nagano-chuo", ["Roles"] = "Staff" })).Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(issued, "id=\"initial-password\">([^<]+)<").Groups[1].Value;
        Assert.Equal(12, password.Length);

        var officer = _app.Browser();
        var signIn = await officer.PostForm("/account/signin", new() { ["UserId"] = "new-officer", ["Password"] = password });
        Assert.StartsWith("/account/password", signIn.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        var home = await officer.GetAsync("/drafts/new");
        Assert.Equal("/account/password", home.Headers.Location!.ToString());
        var change = await officer.PostForm("/account/password", new() { ["Current"] = password, ["New"] = "kawaranai-2027", ["Confirm"] = "kawaranai-2027" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/drafts/new")).StatusCode);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRejected()
    {
        var staff = await _app.SignedIn("demo-staff");
        var response = await staff.PostAsync("/drafts/new?handler=Save", new FormUrlEncodedContent(DraftForms.Draft()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("参照番号", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SecurityHeadersAndAJapaneseErrorPage()
    {
        var client = _app.Browser();
        var response = await client.GetAsync("/account/signin");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var missing = await (await _app.SignedIn("demo-staff")).GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var text = await missing.Content.ReadAsStringAsync();
        Assert.Contains("見つかりませんでした", text);
        Assert.DoesNotContain("Exception", text);
    }

    public static TheoryData<string?, string, bool> Matrix => new()
    {
        // who (null = anonymous), GET path, allowed
        { null, "/", false }, { null, "/drafts/new", false }, { null, "/ledger", false }, { null, "/admin/accounts", false },
        { "demo-staff", "/", true }, { "demo-staff", "/drafts/new", true }, { "demo-staff", "/ledger", true },
        { "demo-staff", "/admin/accounts", false }, { "demo-staff", "/admin/audit", false }, { "demo-staff", "/ledger/retention", false },
        { "demo-head", "/admin/accounts", false }, { "demo-admin", "/admin/accounts", true }, { "demo-admin", "/admin/audit", true },
        { "demo-admin", "/ledger/retention", true },
        { "demo-staff", "/drafts/1", true }, { "demo-hq", "/drafts/1", false }, { "demo-hq", "/drafts/1/edit", false }, { "demo-hq", "/sent/1", false },
    };

    [Theory, MemberData(nameof(Matrix))]
    public async Task AuthorizationMatrix_Pages(string? who, string path, bool allowed)
    {
        var client = who is null ? _app.Browser() : await _app.SignedIn(who);
        var response = await client.GetAsync(path);
        if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches("/account/(signin|denied)", response.Headers.Location!.ToString());
        }
    }

    public static TheoryData<string, string, string> Handlers => new()
    {
        // who, handler on the demo's first draft area, the refusal expected in the page
        { "demo-staff", "Approve", "承認できるのは" },
        { "demo-hq-head", "Approve", "他所属" },
        { "demo-staff", "Reject", "差し戻しができるのは" },
        { "demo-hq", "Send", "他所属" },
    };

    [Theory, MemberData(nameof(Handlers))]
    public async Task AuthorizationMatrix_HandlersAreRefusedByTheLibrary(string who, string handler, string refusal)
    {
        var author = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(author);
        var client = await _app.SignedIn(who);
        // The form page of another unit is closed, so the token is taken from a page the person may open.
        var response = await client.PostForm($"/drafts/{id}?handler={handler}", new() { ["Reason"] = "理由", ["Rechecked"] = "true" },
            formPage: "/drafts/new", extra: DraftForms.AllConfirmations);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/account/denied", response.Headers.Location!.ToString());
        else Assert.Contains(refusal, page);
    }

    public static TheoryData<string, string, string> AdminHandlers => new()
    {
        // who, POST url, the library's refusal shown on the page (or a redirect to the denied page)
        { "demo-staff", "/admin/accounts?handler=Issue", "アカウントの管理はシステムセキュリティ責任者が行います。" },
        { "demo-head", "/admin/accounts?handler=Disable", "アカウントの管理はシステムセキュリティ責任者が行います。" },
        { "demo-head", "/admin/accounts?handler=Unlock", "アカウントの管理はシステムセキュリティ責任者が行います。" },
        { "demo-hq-head", "/admin/organisations", "二次配信の団体を管理できるのはシステムセキュリティ責任者です。" },
        { "demo-staff", "/ledger/retention", "配信簿の廃棄はシステムセキュリティ責任者が行います。" },
    };

    [Theory, MemberData(nameof(AdminHandlers))]
    public async Task AuthorizationMatrix_AdministrationIsTheSecurityManagers(string who, string url, string refusal)
    {
        var client = await _app.SignedIn(who);
        var response = await client.PostForm(url, new()
        {
            ["UserId"] = "x-new", ["DisplayName"] = "x", ["UnitId"] = "nagano-chuo", ["target"] = "demo-staff", ["Name"] = "団体",
            ["Email"] = "org@example.jp", ["Categories"] = "child-safety", ["Areas"] = "長野市北部", ["Year"] = "2024", ["Confirmed"] = "true",
        }, formPage: "/drafts/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(refusal, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/drafts/new?handler=Save")]
    [InlineData("/drafts/1?handler=Approve")]
    [InlineData("/admin/accounts?handler=Issue")]
    [InlineData("/requests/1?handler=TakeOver")]
    public async Task AuthorizationMatrix_AnonymousPostsGoToSignIn(string url)
    {
        var response = await _app.Browser().PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
    }
}
