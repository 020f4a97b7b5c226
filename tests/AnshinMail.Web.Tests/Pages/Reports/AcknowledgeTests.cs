using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Reports;

/// <summary>/reports/{id}/acknowledge: the distributor acknowledges an after-the-fact report (Y9.2).</summary>
public sealed class AcknowledgeTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PrOfficerApprovalReportIsAcknowledgedFromTheHomePage()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var pr = await _app.SignedIn("demo-pr");
        var approved = await pr.PostForm($"/drafts/{id}?handler=Approve", new() { ["DistributorAbsent"] = "true" }, extra: DraftForms.AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var head = await _app.SignedIn("demo-head");
        var home = await head.GetStringAsync("/");
        var action = Regex.Match(home, "action=\"(/reports/\\d+/acknowledge)\"").Groups[1].Value;
        Assert.NotEmpty(action);
        var ack = await head.PostForm(action, [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.DoesNotContain(action, await head.GetStringAsync("/"));
    }
}
