using System.Text;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Ledger;

/// <summary>/ledger/{id}: one entry of the ledger (Y10), every approval of its draft kept in order.</summary>
public sealed partial class EntryTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Y10: the PR officer approves (distributor absent), an edit voids it, the head approves again: the
    /// entry and the CSV show both approvals, first to last, by name and regime.</summary>
    [Fact]
    public async Task Y10_ReApproval_TheEntryAndTheCsvShowEveryApprovalInOrder()
    {
        var staff = await _app.SignedIn("demo-staff");
        var id = await DraftForms.CreateDraft(staff, DraftForms.Draft("再承認の事案"));
        await (await _app.SignedIn("demo-pr")).PostForm($"/drafts/{id}?handler=Approve",
            new() { ["DistributorAbsent"] = "true" }, extra: DraftForms.AllConfirmations);
        await staff.PostForm($"/drafts/{id}/edit?handler=Save", DraftForms.Draft("再承認の事案（続報）"));
        _app.Clock.Advance(TimeSpan.FromMinutes(15));
        await DraftForms.Approve(await _app.SignedIn("demo-head"), id);

        var index = await staff.GetStringAsync("/ledger?year=2026");
        var row = Regex.Match(index, "<tr><td><a href=\"/ledger/(\\d+)\">[^<]+</a></td>(?:(?!</tr>).)*再承認の事案（続報）(?:(?!</tr>).)*</tr>",
            RegexOptions.Singleline);
        Assert.True(row.Success, index);
        Assert.Contains("中央 一郎（署長・情報配信者）（承認2回）", row.Value);

        var entry = await staff.GetStringAsync($"/ledger/{row.Groups[1].Value}");
        var first = "<li>第1版 2026年11月27日（金）14:00 広報 花子（広報活動責任者）（広報活動責任者（事後報告））</li>";
        var second = "<li>第2版 2026年11月27日（金）14:15 中央 一郎（署長・情報配信者）（情報配信者）</li>";
        Assert.Contains(first, entry);
        Assert.Contains(second, entry);
        Assert.True(entry.IndexOf(first, StringComparison.Ordinal) < entry.IndexOf(second, StringComparison.Ordinal));

        var csv = Encoding.UTF8.GetString(await staff.GetByteArrayAsync("/ledger?handler=Csv&year=2026"));
        Assert.Contains(first[4..^5] + "／" + second[4..^5], csv);
    }
}
