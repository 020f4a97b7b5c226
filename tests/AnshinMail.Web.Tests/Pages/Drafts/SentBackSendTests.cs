using System.Net;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>
/// /drafts/{id} (Y9.2, Y9.3): a draft an approver sent back (差し戻し) after it was approved cannot be sent by a
/// post the page does not offer: not by day, not after resubmitting it unchanged, not as a night emergency.
/// </summary>
public sealed class SentBackSendTests : IAsyncLifetime
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> ApprovedThenSentBack(string headline)
    {
        var id = await DraftForms.CreateDraft(await _app.SignedIn("demo-staff"), DraftForms.Draft(headline));
        await DraftForms.Approve(await _app.SignedIn("demo-head"), id);
        var rejected = await (await _app.SignedIn("demo-pr")).PostForm($"/drafts/{id}?handler=Reject",
            new() { ["Reason"] = "発生場所に誤りがあります" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        return id;
    }

    [Fact]
    public async Task Y9_2_ApprovedThenSentBack_AForgedSendIsRefused_NothingGoesOut()
    {
        var id = await ApprovedThenSentBack("差し戻し後の送信");
        var staff = await _app.SignedIn("demo-staff");
        var response = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("差し戻された配信文（案）は配信できません。", await response.Content.ReadAsStringAsync());
        Assert.Contains("差し戻し", await staff.GetStringAsync($"/drafts/{id}"));
    }

    [Fact]
    public async Task Y9_2_SentBackAndResubmittedUnchanged_AForgedSendIsRefused()
    {
        var id = await ApprovedThenSentBack("再提出中の送信");
        var staff = await _app.SignedIn("demo-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostForm($"/drafts/{id}?handler=Submit", [])).StatusCode);
        var response = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("承認待ちの配信文（案）は配信できません。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Y9_4_At2340_AnEmergencyOnJudgementOfASentBackDraftIsRefused()
    {
        var id = await ApprovedThenSentBack("差し戻し後の緊急");
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 40, 0, Jst));
        var staff = await _app.SignedIn("demo-staff");
        var response = await staff.PostForm($"/drafts/{id}?handler=EmergencyJudged", new()
        {
            ["JudgeId"] = "demo-head", ["Means"] = "Phone", ["JudgedAt"] = "2026-11-27T23:35", ["Rechecked"] = "true",
        }, extra: new[] { "serious-repeat", "suspect-at-large", "harm-spreading", "urgent-notice" }
            .Select(c => KeyValuePair.Create("Conditions", c)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("差し戻された配信文（案）は配信できません。", await response.Content.ReadAsStringAsync());
    }
}
