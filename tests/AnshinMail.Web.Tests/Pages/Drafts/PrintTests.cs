using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>/drafts/{id}/print: the paper kept for the seals (Y9.2).</summary>
public sealed class PrintTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PrintViewHasTheTitleTheTextAndTheSealBoxes()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        var print = await staff.GetStringAsync($"/drafts/{id}/print");
        Assert.Contains("ライポくん安心メール配信文（案）", print);
        Assert.Contains("情報配信者（所属長）", print);
        Assert.Contains("事後報告", print);
        Assert.Contains("情報提供の対象（生活安全企画課へ要請）", print); // T4(2): on paper too
        Assert.Contains("print.css", print);
    }
}
