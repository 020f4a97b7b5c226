using System.Net;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>Y9.1: the draft form answers any date the browser can send with the form and a Japanese message.</summary>
public sealed class NewTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("9999-12-31T23:59")]
    public async Task Y9_1_AnOccurrenceAtTheEdgeOfTime_GetsTheFormatMessage_NotA500(string occurredAt)
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = StaffFlowTests.Draft();
        fields["Form.OccurredAt"] = occurredAt;
        foreach (var handler in new[] { "Save", "Preview" })
        {
            var response = await staff.PostForm($"/drafts/new?handler={handler}", fields, "/drafts/new");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("発生日時の形式が正しくありません。", await response.Content.ReadAsStringAsync());
        }
    }
}
