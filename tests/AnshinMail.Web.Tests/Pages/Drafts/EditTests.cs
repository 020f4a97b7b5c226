using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>
/// /drafts/{id}/edit for follow-ups (Y11.2, Y11.3): a resolution and a correction each get a form of the fields
/// their template prints, in Japanese; the preview reads as a resolution or a correction, and the saved draft, the
/// print view and the mail say the same; the original's 発生状況 is never copied in.
/// </summary>
public sealed partial class EditTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"/drafts/(\d+)/edit")]
    private static partial Regex EditUrl();

    [GeneratedRegex("<pre class=\"body\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex BodyElement();

    [GeneratedRegex("name=\"(Form\\.[A-Za-z]+)\"")]
    private static partial Regex FieldName();

    /// <summary>A demo alert of the station, sent and owed a resolution (the bear sighting), and its draft.</summary>
    private async Task<(long Id, string Subject, Draft Original)> DemoAlert()
    {
        _ = _app.Browser(); // starts the host, which seeds the demo's sent alerts
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        var alert = await db.Alerts.AsNoTracking()
            .Where(a => a.UnitId == "nagano-chuo" && a.FollowUpKind == null)
            .Where(a => a.Status == AlertStatus.Sending || a.Status == AlertStatus.Sent)
            .Where(a => a.ResolutionOwed && a.ResolvedAt == null && a.WithdrawnAt == null && a.ClosedBy == null)
            .OrderBy(a => a.Id).FirstAsync();
        var original = await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == alert.DraftId);
        return (alert.Id, alert.Subject, original);
    }

    private static async Task<long> FollowUp(HttpClient staff, long alertId, string kind)
    {
        var response = await staff.PostForm($"/sent/{alertId}?handler=FollowUp", new() { ["kind"] = kind });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = EditUrl().Match(response.Headers.Location!.ToString()).Groups[1].Value;
        return long.Parse(id, CultureInfo.InvariantCulture);
    }

    private static async Task<string> Page(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static string Body(string page) => WebUtility.HtmlDecode(BodyElement().Match(page).Groups[1].Value);

    private static SortedSet<string> Fields(string page) =>
        new(FieldName().Matches(page).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

    private Draft Stored(long id)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        return db.Drafts.AsNoTracking().Single(d => d.Id == id);
    }

    [Fact]
    public async Task Y11_2_AResolutionsForm_AsksForTheCaseAndWhatWasResolved_NotForTheIncidentAgain()
    {
        var (alertId, _, original) = await DemoAlert();
        var staff = await _app.SignedIn("demo-staff");
        var id = await FollowUp(staff, alertId, "Resolution");
        var page = await staff.GetStringAsync($"/drafts/{id}/edit");

        Assert.Equal(
            new[]
            {
                "Form.Advice", "Form.Areas", "Form.CategoryId", "Form.Headline", "Form.OccurredAt", "Form.Place",
                "Form.ResolvedAt", "Form.WhatHappened",
            },
            Fields(page));
        foreach (var label in new[] { "解除の項目", "事案（件名になり", "元の事案の発生日時", "元の事案の発生場所", "解除日時", "解除の内容" })
            Assert.Contains(label, page);
        Assert.Contains($"value=\"{original.Fields.Headline}\"", page);   // prefilled: the case, its place
        Assert.Contains($"value=\"{original.Fields.Place}\"", page);
        Assert.Contains($"value=\"{original.TargetAreas[0]}\" checked", page);
        Assert.DoesNotContain(original.Fields.WhatHappened, page);        // neither in the form nor in the preview
        Assert.DoesNotContain("発生状況", page);
    }

    [Fact]
    public async Task Y11_2_TheResolutionReadsAsOne_InThePreview_TheDraft_ThePrintViewAndTheMail()
    {
        var (alertId, subject, original) = await DemoAlert();
        var staff = await _app.SignedIn("demo-staff");
        var id = await FollowUp(staff, alertId, "Resolution");
        var fields = new Dictionary<string, string>
        {
            ["Form.CategoryId"] = original.CategoryId,
            ["Form.Headline"] = "クマの出没",
            ["Form.OccurredAt"] = "2026-11-27T09:00",
            ["Form.Place"] = "飯綱町大字牟礼地籍",
            ["Form.ResolvedAt"] = "2026-11-27T13:30",
            ["Form.WhatHappened"] = "クマは山へ戻ったことが確認されました。",
            ["Form.WordsSaid"] = "フォームにない項目",   // not on a resolution's form: not kept
            ["Form.Areas"] = original.TargetAreas[0],
        };

        var preview = Body(await Page(await staff.PostForm($"/drafts/{id}/edit?handler=Preview", fields)));
        Assert.StartsWith(
            "11月27日に飯綱町大字牟礼地籍で発生したクマの出没は、11月27日（金）午後1時30分、クマは山へ戻ったことが確認されました。\n"
            + "ご協力ありがとうございました。\n", preview);
        Assert.Contains($"に配信した「{subject}」の解除情報です。", preview);
        Assert.DoesNotContain(original.Fields.WhatHappened, preview);

        var saved = await staff.PostForm($"/drafts/{id}/edit?handler=Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(preview, Body(await staff.GetStringAsync($"/drafts/{id}")));
        var print = WebUtility.HtmlDecode(await staff.GetStringAsync($"/drafts/{id}/print"));
        Assert.Contains(preview.Split('\n')[0], print);
        Assert.Equal("", Stored(id).Fields.WordsSaid);

        var head = await _app.SignedIn("demo-head");
        var approved = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var sent = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!_app.Smtp.Accepted.Any(m => m.Subject?.Contains("・解除】クマの出没") == true))
            await Task.Delay(100, guard.Token);
        var mail = _app.Smtp.Accepted.First(m => m.Subject?.Contains("・解除】クマの出没") == true);
        Assert.Contains(preview.Split('\n')[0], (mail.TextBody ?? "").ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Y11_3_ACorrectionsForm_AsksForWrongRightAndASupplement_AndThePreviewNamesTheOriginal()
    {
        var (alertId, subject, original) = await DemoAlert();
        var staff = await _app.SignedIn("demo-staff");
        var id = await FollowUp(staff, alertId, "Correction");
        var page = await staff.GetStringAsync($"/drafts/{id}/edit");
        Assert.Equal(
            new[]
            {
                "Form.Advice", "Form.Areas", "Form.CategoryId", "Form.Headline", "Form.Right", "Form.WhatHappened",
                "Form.Wrong",
            },
            Fields(page));
        foreach (var label in new[] { "修正の項目", "見出し（件名になります）", "誤（元の配信の誤っていた記載）", "正（正しい記載）", "補足（任意）" })
            Assert.Contains(label, page);
        Assert.DoesNotContain(original.Fields.WhatHappened, page);

        var fields = new Dictionary<string, string>
        {
            ["Form.CategoryId"] = original.CategoryId,
            ["Form.Headline"] = "体長の訂正",
            ["Form.Wrong"] = "体長約1メートル",
            ["Form.Right"] = "体長約1.5メートル",
            ["Form.WhatHappened"] = "その他の内容に変更はありません。",
            ["Form.Areas"] = original.TargetAreas[0],
        };
        var response = await staff.PostForm($"/drafts/{id}/edit?handler=Preview", fields);
        var preview = await response.Content.ReadAsStringAsync();
        Assert.Contains("【防犯情報・修正】体長の訂正（長野中央警察署）", WebUtility.HtmlDecode(preview));
        Assert.StartsWith(
            $"に配信した「{subject}」について、誤りがありましたので、次のとおり修正します。\n\n"
            + "（誤）体長約1メートル\n（正）体長約1.5メートル\n\nその他の内容に変更はありません。\n",
            Body(preview)[Body(preview).IndexOf("に配信した", StringComparison.Ordinal)..]);

        var saved = await staff.PostForm($"/drafts/{id}/edit?handler=Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Body(preview), Body(await staff.GetStringAsync($"/drafts/{id}")));
        var stored = Stored(id).Fields.FollowUp!;
        Assert.Equal(("体長約1メートル", "体長約1.5メートル"), (stored.Wrong, stored.Right));
    }

    [Fact]
    public async Task Y11_3_ASupplementsForm_AsksForItsOwnText()
    {
        var (alertId, _, _) = await DemoAlert();
        var staff = await _app.SignedIn("demo-staff");
        var id = await FollowUp(staff, alertId, "Supplement");
        var page = await staff.GetStringAsync($"/drafts/{id}/edit");
        Assert.Equal(
            new[] { "Form.Advice", "Form.Areas", "Form.CategoryId", "Form.Headline", "Form.WhatHappened" },
            Fields(page));
        Assert.Contains("補足する内容", page);
    }

    [Fact]
    public async Task Y9_3_EditingAnApprovedCorrectionsWrongOrRight_NeedsANewApproval()
    {
        var (alertId, _, original) = await DemoAlert();
        var staff = await _app.SignedIn("demo-staff");
        var id = await FollowUp(staff, alertId, "Correction");
        var fields = new Dictionary<string, string>
        {
            ["Form.CategoryId"] = original.CategoryId, ["Form.Headline"] = "体長の訂正",
            ["Form.Wrong"] = "1メートル", ["Form.Right"] = "1.5メートル", ["Form.Areas"] = original.TargetAreas[0],
        };
        await staff.PostForm($"/drafts/{id}/edit?handler=Save", fields);
        var head = await _app.SignedIn("demo-head");
        await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        Assert.Equal(DraftStatus.Approved, Stored(id).Status);

        fields["Form.Right"] = "2メートル";
        await staff.PostForm($"/drafts/{id}/edit?handler=Save", fields);
        Assert.Equal(DraftStatus.Writing, Stored(id).Status);
        Assert.DoesNotContain("id=\"send\"", await staff.GetStringAsync($"/drafts/{id}"));
    }

    [Fact]
    public async Task T3_3_ThePreviewOfADraftTakenOverFromARequest_GivesTheRequestingStationsContact_AsSaved()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("管外の声かけ事案");
        fields["Form.Areas"] = "長野市南部";
        var filed = await staff.PostForm("/requests/new?handler=Save", fields, "/requests/new");
        var hq = await _app.SignedIn("demo-hq");
        var taken = await hq.PostForm($"{filed.Headers.Location}?handler=TakeOver", []);
        var id = EditUrl().Match(taken.Headers.Location!.ToString()).Groups[1].Value;

        var preview = Body(await Page(await hq.PostForm($"/drafts/{id}/edit?handler=Preview", fields)));
        Assert.Contains("【問い合わせ先】長野中央警察署", preview);
        Assert.Equal(Body(await hq.GetStringAsync($"/drafts/{id}")), preview);
    }

    [Fact]
    public async Task T3_1_ThePlainForm_SaysTheWordsAreQuotedAutomatically_AndThePreviewQuotesThemOnce()
    {
        var staff = await _app.SignedIn("demo-staff");
        var form = await staff.GetStringAsync("/drafts/new");
        Assert.Contains("aria-describedby=\"words-said-hint\"", form);
        Assert.Contains("配信文では「」が自動で付きます", form);

        var fields = DraftForms.Draft();
        fields["Form.WordsSaid"] = "「お菓子をあげるから車に乗らない？」";
        var preview = Body(await Page(await staff.PostForm("/drafts/new?handler=Preview", fields)));
        Assert.Contains("行為者は「お菓子をあげるから車に乗らない？」などと話しかけてきました。", preview);
        Assert.DoesNotContain("「「", preview);
    }
}
