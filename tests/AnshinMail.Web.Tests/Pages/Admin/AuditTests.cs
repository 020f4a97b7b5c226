using System.Text.RegularExpressions;
using System.Net;

namespace AnshinMail.Web.Tests.Pages.Admin;

/// <summary>
/// Y12: the audit log's period filter takes any date the form can send, and says so when it cannot use it.
/// </summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("?From=0001-01-01")]
    [InlineData("?To=9999-12-31")]
    [InlineData("?From=0001-01-01&To=9999-12-31")]
    [InlineData("?From=2026-13-40")]
    public async Task Y12_ADateOutOfRange_GetsAJapaneseMessage_NotA500(string query)
    {
        var admin = await _app.SignedIn("demo-admin");
        var response = await admin.GetAsync("/admin/audit" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("の日付を扱えません", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Y12_AnOrdinaryPeriodFilters()
    {
        var admin = await _app.SignedIn("demo-admin");
        var page = await admin.GetStringAsync("/admin/audit?From=2026-11-27&To=2026-11-27");
        Assert.Contains("<td>ログイン</td>", page);
        Assert.DoesNotContain("の日付を扱えません", page);
    }

    [Fact]
    public async Task Y12_AuditLogFiltersByPerson_ShowsNamesAndRefusalsInJapanese()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff);
        await staff.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations); // refused: not an approver
        var admin = await _app.SignedIn("demo-admin");
        var page = await admin.GetStringAsync("/admin/audit?person=demo-staff");
        Assert.Contains("<td>承認</td>", page);
        Assert.Contains("<td>拒否</td>", page);
        Assert.Contains("承認できるのは情報配信者（所属長）です。", page); // why, in Japanese, with its code
        Assert.Contains("（approval.not-entitled）", page);
        Assert.Contains("<td>長野 太郎（署員）</td>", page);
        Assert.Contains($"<td>配信文（案） {id}</td>", page); // what the number is, not a bare number
        Assert.DoesNotContain("<td>demo-staff</td>", page);
        Assert.DoesNotContain("中央 一郎（署長・情報配信者）</td>", page);
    }

    /// <summary>Y12: the action filter is a select of the Japanese labels; choosing one shows only that action.</summary>
    [Fact]
    public async Task Y12_AuditLogFiltersByTheJapaneseLabelOfAnAction()
    {
        var staff = await _app.SignedIn("demo-staff");
        await DraftForms.CreateDraft(staff);
        var admin = await _app.SignedIn("demo-admin");
        var all = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("<option value=\"draft.create\">配信文（案）の作成</option>", all);
        var page = await admin.GetStringAsync("/admin/audit?action=draft.create");
        var rows = Regex.Matches(page, "<tr><td>").Count;
        Assert.True(rows >= 1, page);
        Assert.Equal(rows, Regex.Matches(page, "<td>配信文（案）の作成</td>").Count);
        Assert.DoesNotContain("<td>ログイン</td>", page);
    }
}
