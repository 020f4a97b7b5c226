using System.Net;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>/drafts/{id}: what each person may do next comes from the library, by day and at night (fixed clock).</summary>
public sealed class DetailTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> ApprovedDraft()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await StaffFlowTests.CreateDraft(staff);
        var head = await _app.SignedIn("demo-head");
        var approve = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: StaffFlowTests.AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        return id;
    }

    [Fact]
    public async Task Y9_4_AtNight_TheSendFormNamesTheBooksNextOpening_AndOnlyTheDistributorSeesTheEmergencyForm()
    {
        var id = await ApprovedDraft();
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 10, 0, TimeSpan.FromHours(9)));

        var head = await (await _app.SignedIn("demo-head")).GetStringAsync($"/drafts/{id}");
        Assert.Contains("配信時間外です。2026-11-28 06:00 に配信するよう予約されます。", head);
        Assert.Contains("緊急配信（情報配信者の判断）", head);
        Assert.Contains("配信を予約する", head);

        var duty = await (await _app.SignedIn("demo-duty")).GetStringAsync($"/drafts/{id}");
        Assert.DoesNotContain("緊急配信（情報配信者の判断）", duty);
    }

    [Fact]
    public async Task Y9_4_ByDay_SendNow_NoEmergencyForm()
    {
        var id = await ApprovedDraft();
        var page = await (await _app.SignedIn("demo-head")).GetStringAsync($"/drafts/{id}");
        Assert.Contains("配信時間内です。すぐに配信されます。", page);
        Assert.DoesNotContain("緊急配信（情報配信者の判断）", page);
    }

    [Fact]
    public async Task Y7_2_AnotherUnitsStaffCannotOpenTheDraft()
    {
        var id = await ApprovedDraft();
        var other = await _app.SignedIn("demo-hq");
        var response = await other.GetAsync($"/drafts/{id}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
