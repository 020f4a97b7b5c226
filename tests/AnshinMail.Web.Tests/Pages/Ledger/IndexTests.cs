using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Ledger;

/// <summary>/ledger: what was approved and sent, and its CSV (Y10), reached through the whole staff path.</summary>
public sealed class IndexTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WriteApproveSendDeliverLedgerCsv()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostForm($"/drafts/{id}?handler=Submit", [])).StatusCode);

        var head = await _app.SignedIn("demo-head");
        var approve = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations);
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
}
