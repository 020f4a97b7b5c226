using System.Net;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Y9.2 ただし書き, issue 14: the sample book has no deputy approver by day (approval.prOfficerApprovesWhenDistributorAbsent
/// is false): its PR officer is not offered the 「不在」 declaration, and declaring it anyway does not make them an
/// approver; the draft stays unapproved. Nagano's book has the deputy (tested in Pages/Drafts).
/// </summary>
public sealed class SampleBookDeputyTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["AnshinMail:PolicyBook"] = Path.Combine(Repository.Root, "rules", "sample.json");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Y9_2_NoDeputyInTheBook_ThePrOfficerIsNotOfferedAbsence_AndCannotApproveByDeclaringIt()
    {
        var demo = DemoScript.For(_app.Services.GetRequiredService<Rules.PolicyBooks.PolicyBook>())!;
        var staff = await _app.SignedIn(demo.Writer);
        var id = await DraftForms.CreateDraft(staff, new()
        {
            ["Form.CategoryId"] = "kodomo-mimamori",
            ["Form.Headline"] = "不在時の承認",
            ["Form.OccurredAt"] = "2026-11-26T15:30",
            ["Form.Place"] = "見本市東部一丁目の公園",
            ["Form.WhatHappened"] = "下校中の男子児童が、男に後をつけられる事案が発生しました。",
            ["Form.PersonSex"] = "男",
            ["Form.VictimAge"] = "9",
            ["Form.VictimSex"] = "Male",
            ["Form.Areas"] = "見本市東部",
        });
        var pr = await _app.SignedIn("demo-pr");
        var page = await pr.GetStringAsync($"/drafts/{id}");
        Assert.DoesNotContain("name=\"DistributorAbsent\"", page);

        var refused = await pr.PostForm($"/drafts/{id}?handler=Approve", new() { ["DistributorAbsent"] = "true" },
            extra: DraftForms.AllConfirmations);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("承認できるのは情報配信者（所属長）です。", await refused.Content.ReadAsStringAsync());
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        Assert.NotEqual(DraftStatus.Approved, (await db.Drafts.SingleAsync(d => d.Id == id)).Status);
        Assert.Empty(await db.Approvals.Where(a => a.DraftId == id).ToListAsync());
    }
}
