using System.Net;
using MimeKit;

namespace AnshinMail.Web.Tests.Pages.Account;

/// <summary>
/// /account/notifications and the security manager's account page: an optional address per account; staff are then
/// told by mail over the configured transport (the real SMTP server of the tests) of what awaits them (Y9.2, T3(2),
/// Y12.3(2)), by name, with the subject only.
/// </summary>
public sealed class NotificationsTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private List<MimeMessage> MailTo(string address) =>
        _app.Smtp.Accepted.Where(m => m.To.Mailboxes.Any(x => x.Address == address)).ToList();

    [Fact]
    public async Task Y9_2_TheHolderSetsAnAddress_ABadOneIsRefusedInJapaneseAndKept()
    {
        var head = await _app.SignedIn("demo-head");
        var bad = await head.PostForm("/account/notifications", new() { ["Address"] = "head at example" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("通知先のメールアドレスを正しく入力してください", page);
        Assert.Contains("value=\"head at example\"", page);

        var saved = await head.PostForm("/account/notifications", new() { ["Address"] = "head@police.example.jp" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"head@police.example.jp\"", await head.GetStringAsync("/account/notifications"));

        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff, DraftForms.Draft("通知の確認事案"));
        Assert.Empty(MailTo("head@police.example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostForm($"/drafts/{id}?handler=Submit", [])).StatusCode);
        var mail = Assert.Single(MailTo("head@police.example.jp"));
        Assert.Contains("承認待ち", mail.Subject);
        Assert.Contains("中央 一郎（署長・情報配信者） 様", mail.TextBody);
        Assert.Contains("作成: 長野 太郎（署員）", mail.TextBody);
        Assert.Contains("通知の確認事案", mail.TextBody);
        Assert.DoesNotContain("下校中の女子児童", mail.TextBody);
        Assert.DoesNotContain("demo-", mail.TextBody);
    }

    [Fact]
    public async Task T3_2_ARequestAt2300_TellsTheReceivingDutyDesk_WhoseAddressTheSecurityManagerSet()
    {
        var admin = await _app.SignedIn("demo-admin");
        var issued = await admin.PostForm("/admin/accounts?handler=Issue", new()
        {
            ["UserId"] = "duty-desk1", ["DisplayName"] = "総合 当直員", ["UnitId"] = "sogo-tochoku", ["Roles"] = "Staff",
        });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var refused = await admin.PostForm("/admin/accounts?handler=Notification",
            new() { ["target"] = "duty-desk1", ["address"] = "desk@@example" });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("通知先のメールアドレスを正しく入力してください", refusedPage);
        Assert.Contains("value=\"desk@@example\"", refusedPage);
        var set = await admin.PostForm("/admin/accounts?handler=Notification",
            new() { ["target"] = "duty-desk1", ["address"] = "desk@police.example.jp" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.FromHours(9)));
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft("管外の夜間事案");
        fields["Form.Areas"] = "長野市南部";
        var filed = await staff.PostForm("/requests/new?handler=Save", fields, "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var mail = Assert.Single(MailTo("desk@police.example.jp"));
        Assert.Contains("配信要請", mail.Subject);
        Assert.Contains("総合 当直員 様", mail.TextBody);
        Assert.Contains("要請者: 長野 太郎（署員）", mail.TextBody);
        Assert.Contains(filed.Headers.Location!.ToString(), mail.TextBody);
        Assert.DoesNotContain("下校中の女子児童", mail.TextBody);
    }

    [Fact]
    public async Task Y12_3_2_AnAbnormalityReport_TellsTheSecurityManagerAtOnce_AndTheirHomeListsIt()
    {
        var admin = await _app.SignedIn("demo-admin");
        await admin.PostForm("/account/notifications", new() { ["Address"] = "sec@police.example.jp" });
        var staff = await _app.SignedIn("demo-staff");
        var reported = await staff.PostForm("/abnormality", new() { ["Description"] = "配信先の誤りの疑い" });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var mail = Assert.Single(MailTo("sec@police.example.jp"));
        Assert.Contains("異常の即報", mail.Subject);
        Assert.Contains("長野 太郎（署員）", mail.TextBody);
        Assert.DoesNotContain("配信先の誤り", mail.TextBody);
        Assert.Contains("異常の報告（即報）", await admin.GetStringAsync("/"));
    }
}
