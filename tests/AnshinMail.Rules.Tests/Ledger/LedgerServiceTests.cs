using System.Text;
using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Ledger;

/// <summary>Y10 against a SQLite file: yearly numbers, CSV export, retention and disposal.</summary>
public sealed class LedgerServiceTests : IDisposable
{
    private readonly TestDatabase _file = new();
    private readonly FakeTimeProvider _clock = new(Jst(2026, 11, 27, 10));
    private static readonly Person Manager = SecurityManager;

    public LedgerServiceTests()
    {
        using var db = _file.Open();
        foreach (var (id, name) in new[] { ("staff1", "長野 太郎"), ("head1", "中央 一郎") })
            db.Accounts.Add(new PersonAccount
            {
                UserId = id, DisplayName = name, UnitId = Station, Roles = [Role.Staff], PasswordHash = "x",
                PasswordSetAt = _clock.GetUtcNow(), CreatedAt = _clock.GetUtcNow(),
            });
        db.SaveChanges();
    }

    public void Dispose() => _file.Dispose();

    private LedgerService Service(AnshinDbContext db) => new(db, TestBook.Engine, _clock);

    private static LedgerEntry Entry(DateTimeOffset approvedAt, string body = "本文") => new()
    {
        CategoryId = "child-safety", SendingUnitId = Station, AuthorId = "staff1", ApproverId = "head1",
        Regime = nameof(ApprovalRegime.Distributor), PostReportStatus = "不要",
        Confirmations = string.Join(',', AllConfirmations), ApprovedAt = approvedAt, SentAt = approvedAt.AddMinutes(5),
        Recipients = 1234, Subject = "【子供安全情報】声かけ事案の発生（長野中央警察署）", Body = body,
    };

    private async Task<LedgerEntry> File(LedgerEntry e)
    {
        await using var db = _file.Open();
        return await Service(db).FileAsync(e);
    }

    [Fact]
    public async Task Y10_EntriesAreNumberedPerCalendarYearInJapanTime()
    {
        Assert.Equal("2026-0001", (await File(Entry(Jst(2026, 3, 1)))).Number);
        Assert.Equal("2026-0002", (await File(Entry(Jst(2026, 12, 31, 23, 59)))).Number);
        // 2026-12-31T15:30Z is already 1 January 2027 in Japan.
        Assert.Equal("2027-0001", (await File(Entry(new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero)))).Number);
        await using var db = _file.Open();
        Assert.Equal(["2026-0001", "2026-0002"], (await Service(db).IndexAsync(2026)).Select(e => e.Number));
    }

    [Fact]
    public async Task Y10_CsvExport_IsUtf8WithBom_JapaneseHeaders_Rfc4180Quoting_AndEscapesFormulas()
    {
        await File(Entry(Jst(2026, 11, 26, 15, 30), body: "一行目, \"引用\"\n二行目"));
        await File(Entry(Jst(2026, 11, 27, 9), body: "=HYPERLINK(\"http://x\")"));
        await File(Entry(Jst(2025, 5, 1)));
        using var stream = new MemoryStream();
        await using (var db = _file.Open()) await Service(db).ExportCsvAsync(2026, stream);
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("番号,情報種別,配信所属,配信要請所属,作成者,承認者,承認区分,事後報告,確認事項,承認日時,", text);
        Assert.Contains("2026-0001,子供安全情報,長野中央警察署,,長野 太郎,中央 一郎,情報配信者,不要,", text);
        Assert.DoesNotContain("staff1", text);
        Assert.DoesNotContain("head1", text);
        Assert.DoesNotContain("Distributor", text);
        Assert.Contains("2026-11-26 15:30", text);
        Assert.Contains("\"一行目, \"\"引用\"\"\n二行目\"", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.DoesNotContain("2025-", text);
        Assert.Equal(3, text.Split("\r\n").Count(l => l.StartsWith("2026-", StringComparison.Ordinal) || l.StartsWith("番号", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Y10_IndexCsv_ShowsDistributionStatus()
    {
        var scheduled = Entry(Jst(2026, 11, 27, 23));
        scheduled.SentAt = null;
        scheduled.ScheduledFor = Jst(2026, 11, 28, 6);
        await File(Entry(Jst(2026, 11, 27, 9)));
        await File(scheduled);
        using var stream = new MemoryStream();
        await using (var db = _file.Open()) await Service(db).ExportIndexCsvAsync(2026, stream);
        var lines = Encoding.UTF8.GetString(stream.ToArray()[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("番号,情報種別,配信所属,件名,配信日時,配信状況", lines[0]);
        Assert.EndsWith(",配信済み", lines[1]);
        Assert.EndsWith("2026-11-28 06:00,配信予定", lines[2]);
    }

    [Fact]
    public async Task Y10_YearIsDisposableFrom1JanOfYearPlus2_OnlyByTheSecurityManager_AndAudited()
    {
        await File(Entry(Jst(2026, 6, 1)));
        await File(Entry(Jst(2027, 6, 1)));
        _clock.SetUtcNow(Jst(2027, 12, 31, 23, 59));
        await using (var db = _file.Open())
        {
            Assert.Empty(await Service(db).DisposableYearsAsync());
            var early = await Assert.ThrowsAsync<PolicyRefusedException>(() => Service(db).DisposeYearAsync(Manager, 2026));
            Assert.Contains(early.Findings, f => f.Code == "ledger.retention");
        }
        _clock.SetUtcNow(Jst(2028, 1, 1, 0, 0));
        await using (var db = _file.Open())
        {
            Assert.Equal([2026], await Service(db).DisposableYearsAsync());
            await Assert.ThrowsAsync<PolicyRefusedException>(() => Service(db).DisposeYearAsync(Distributor(), 2026));
            Assert.Equal(1, await Service(db).DisposeYearAsync(Manager, 2026));
        }
        await using (var db = _file.Open())
        {
            Assert.Equal([2027], await db.LedgerEntries.Select(e => e.Year).ToListAsync());
            var audit = await db.AuditEvents.SingleAsync(e => e.Action == "ledger.dispose");
            Assert.Equal("sec1", audit.Actor);
            Assert.Equal("2026", audit.Target);
        }
    }
}
