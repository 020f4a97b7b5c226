using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests;

/// <summary>The other staff pages over HTTP: follow-ups, requests, reports, print, dashboard, audit, retention.</summary>
public sealed partial class PageFlowTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"/drafts/(\d+)/edit")]
    private static partial Regex EditUrl();

    private async Task<string> Approve(HttpClient head, long id)
    {
        var response = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: StaffFlowTests.AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task ResolutionFromTheAlertPageClosesTheIncident()
    {
        var staff = await _app.SignedIn("demo-staff");
        var head = await _app.SignedIn("demo-head");
        var id = await StaffFlowTests.CreateDraft(staff);
        await Approve(head, id);
        var alertUrl = (await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" })).Headers.Location!.ToString();
        Assert.Contains(alertUrl, await staff.GetStringAsync("/")); // owed a resolution: on the home page

        var followUp = await staff.PostForm($"{alertUrl}?handler=FollowUp", new() { ["kind"] = "Resolution" });
        Assert.Equal(HttpStatusCode.Redirect, followUp.StatusCode);
        var resolutionId = long.Parse(EditUrl().Match(followUp.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var edit = await staff.GetStringAsync($"/drafts/{resolutionId}/edit");
        Assert.Contains("声かけ事案の発生", edit); // prefilled from the original
        await Approve(head, resolutionId);
        var sent = await staff.PostForm($"/drafts/{resolutionId}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var original = await staff.GetStringAsync(alertUrl);
        Assert.Contains("解除済み", original);
        Assert.DoesNotContain("解除情報を作成", original);
    }

    [Fact]
    public async Task DistributionRequestIsTakenOverByTheDivision()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = StaffFlowTests.Draft("管外の声かけ事案");
        fields["Form.Areas"] = "長野市南部";
        var filed = await staff.PostForm("/requests/new?handler=Save", fields, "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var requestUrl = filed.Headers.Location!.ToString();

        var hq = await _app.SignedIn("demo-hq");
        Assert.Contains(requestUrl, await hq.GetStringAsync("/"));
        var taken = await hq.PostForm($"{requestUrl}?handler=TakeOver", []);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var edit = await hq.GetStringAsync(taken.Headers.Location!.ToString());
        Assert.Contains("管外の声かけ事案", edit);
        Assert.Contains("value=\"長野市南部\" checked", edit);
    }

    [Fact]
    public async Task PrOfficerApprovalReportIsAcknowledgedFromTheHomePage()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await StaffFlowTests.CreateDraft(staff);
        var pr = await _app.SignedIn("demo-pr");
        var approved = await pr.PostForm($"/drafts/{id}?handler=Approve", new() { ["DistributorAbsent"] = "true" }, extra: StaffFlowTests.AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var head = await _app.SignedIn("demo-head");
        var home = await head.GetStringAsync("/");
        var action = Regex.Match(home, "action=\"(/reports/\\d+/acknowledge)\"").Groups[1].Value;
        Assert.NotEmpty(action);
        var ack = await head.PostForm(action, [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.DoesNotContain(action, await head.GetStringAsync("/"));
    }

    [Fact]
    public async Task PrintViewHasTheTitleTheTextAndTheSealBoxes()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await StaffFlowTests.CreateDraft(staff);
        var print = await staff.GetStringAsync($"/drafts/{id}/print");
        Assert.Contains("ライポくん安心メール配信文（案）", print);
        Assert.Contains("情報配信者（所属長）", print);
        Assert.Contains("事後報告", print);
        Assert.Contains("情報提供の対象（生活安全企画課へ要請）", print); // T4(2): on paper too
        Assert.Contains("print.css", print);
    }

    [Fact]
    public async Task DashboardDrawsTheDemoYearAsSvg()
    {
        var staff = await _app.SignedIn("demo-staff");
        var page = await staff.GetStringAsync("/dashboard?year=2026");
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("<rect", page);        // the demo's sent alerts
        Assert.Contains("<polyline", page);    // subscribers over time
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public async Task AuditLogFiltersByPersonAndShowsRefusals()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await StaffFlowTests.CreateDraft(staff);
        await staff.PostForm($"/drafts/{id}?handler=Approve", [], extra: StaffFlowTests.AllConfirmations); // refused: not an approver
        var admin = await _app.SignedIn("demo-admin");
        var page = await admin.GetStringAsync("/admin/audit?person=demo-staff");
        Assert.Contains("draft.approve", page);
        Assert.Contains("refused", page);
        Assert.DoesNotContain("<td>demo-head</td>", page);
    }

    [Fact]
    public async Task RetentionPageListsNothingDisposableInTheFirstYear()
    {
        var admin = await _app.SignedIn("demo-admin");
        var page = await admin.GetStringAsync("/ledger/retention");
        Assert.Contains("廃棄できる年はありません。", page);
    }
}
