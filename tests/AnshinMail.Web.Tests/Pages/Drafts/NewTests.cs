using System.Text.RegularExpressions;
using System.Net;
using System.Xml.Linq;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Drafts;

/// <summary>/drafts/new: everyday text saves and previews; unusable characters and impossible dates get a Japanese answer on the form.</summary>
public sealed class NewTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("Preview")]
    [InlineData("Save")]
    public async Task Y11_1_AFraudWarningThatRepeatsItsNumber_PreviewsAndSaves(string handler)
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("不審電話に注意");
        fields["Form.WhatHappened"] = "03-1234-5678 から電話。03-1234-5678 には折り返さないでください。";
        fields["Form.Advice"] = "城山小学校の保護者の方へ。城山小学校でも注意を呼びかけています。";
        var response = await staff.PostForm($"/drafts/new?handler={handler}", fields, "/drafts/new");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        if (handler == "Preview")
            Assert.Contains("03-1234-5678", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Y9_1_AControlCharacter_IsRefusedNamingTheField_AndTheFormIsKept()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft();
        fields["Form.WhatHappened"] = "下校中の児童が\u0001声をかけられた";
        fields["Form.Place"] = "入力したままの場所";
        var response = await staff.PostForm("/drafts/new?handler=Save", fields, "/drafts/new");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("「発生状況」に使えない文字", page);
        Assert.Contains("入力したままの場所", page);
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("9999-12-31T23:59")]
    public async Task Y9_1_AnOccurrenceAtTheEdgeOfTime_GetsTheFormatMessage_NotA500(string occurredAt)
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft();
        fields["Form.OccurredAt"] = occurredAt;
        foreach (var handler in new[] { "Save", "Preview" })
        {
            var response = await staff.PostForm($"/drafts/new?handler={handler}", fields, "/drafts/new");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("発生日時の形式が正しくありません。", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>T5: an alert stored before drafts refused control characters no longer takes the feeds down.</summary>
    [Fact]
    public async Task T5_AStoredControlCharacter_LeavesTheFeedsWellFormed()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
            var alert = await db.Alerts.OrderBy(a => a.Id).FirstAsync(a => a.StartedAt != null);
            // Written directly, like an alert stored before drafts refused control characters.
            await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Subject, "件名\u0001です").SetProperty(a => a.Body, "本文\u0008\uFFFF"));
        }
        var anonymous = _app.Browser();
        foreach (var feed in new[] { "/feed.atom", "/cap.atom" })
        {
            var response = await anonymous.GetAsync(feed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            XDocument.Parse(await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("件名です", await anonymous.GetStringAsync("/feed.atom"));
    }

    [Fact]
    public async Task PreviewShowsSubjectAndFindings_AndKeepsWhatWasTyped()
    {
        var staff = await _app.SignedIn("demo-staff");
        var page = await (await staff.PostForm("/drafts/new?handler=Preview", DraftForms.Draft("山田様の声かけ事案"), "/drafts/new")).Content.ReadAsStringAsync();
        Assert.Contains("【", page);
        Assert.Contains("山田様の声かけ事案", page); // kept in the form and shown in the preview
        Assert.Contains("class=\"warn\"", page);     // the privacy check warns about a name with an honorific
        Assert.Contains("情報配信者", page);
    }

    [Fact]
    public async Task BadInputKeepsTheFormAndSaysWhyInJapanese()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("");
        fields["Form.Place"] = "入力したままの場所";
        var response = await staff.PostForm("/drafts/new?handler=Save", fields, "/drafts/new");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("見出しを入力してください。", page);
        Assert.Contains("入力したままの場所", page);
    }

    [Fact]
    public async Task T3_2_TheWriterPicksTheDivisionInCharge_FromTheHqDivisionsByName()
    {
        var staff = await _app.SignedIn("demo-staff");
        var form = await staff.GetStringAsync("/drafts/new");
        var select = Regex.Match(form, "<select name=\"Form.DivisionInCharge\">(.*?)</select>", RegexOptions.Singleline).Value;
        Assert.Contains(">（情報種別の主管課）</option>", select);
        Assert.Contains(">生活安全企画課</option>", select);
        Assert.Contains(">広報相談課</option>", select);
        Assert.DoesNotContain("総合当直", select); // the duty desk takes night requests; it is not a division in charge
        Assert.DoesNotContain("seikatsu-anzen-kikaku</option>", select);

        var fields = DraftForms.Draft();
        fields["Form.DivisionInCharge"] = "seikatsu-anzen-kikaku";
        var id = await DraftForms.CreateDraft(staff, fields);
        Assert.Contains("<option value=\"seikatsu-anzen-kikaku\" selected=\"selected\">", await staff.GetStringAsync($"/drafts/{id}/edit"));
    }

    [Fact]
    public async Task T3_2_ADivisionInChargeThatIsNotAnHqDivision_IsRefusedInJapanese_AndTheFormIsKept()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("主管課の誤り");
        fields["Form.DivisionInCharge"] = "sogo-tochoku";
        var response = await staff.PostForm("/drafts/new?handler=Save", fields, "/drafts/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("事案を主管する本部主管課は、本部の課の一覧から選んでください。", page);
        Assert.Contains("主管課の誤り", page);
    }

    [Fact]
    public async Task T4_2_OtherPhysicalHarmNeedsItsReason_ThenTheDraftIsForTheYahooRelay()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = new Dictionary<string, string>
        {
            ["Form.CategoryId"] = "crime-prevention",
            ["Form.Headline"] = "不審者の出没",
            ["Form.WhatHappened"] = "鉄パイプを持った男が目撃されました。",
            ["Form.Areas"] = "長野市北部",
            ["Form.OtherHarm"] = "true",
        };
        var refused = await staff.PostForm("/drafts/new?handler=Save", fields, "/drafts/new");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("「その他身体に危害が及ぶおそれ」を選んだときは、その理由を入力してください。", page);
        Assert.Matches("name=\"Form.OtherHarm\" value=\"true\"\\s+checked=\"checked\"", page);

        fields["Form.HarmReason"] = "凶器となるものを所持";
        var id = await DraftForms.CreateDraft(staff, fields);
        var detail = await staff.GetStringAsync($"/drafts/{id}");
        Assert.Contains("情報提供の対象（生活安全企画課へ要請）", detail);
        Assert.Contains("value=\"凶器となるものを所持\"", await staff.GetStringAsync($"/drafts/{id}/edit"));
    }
}
