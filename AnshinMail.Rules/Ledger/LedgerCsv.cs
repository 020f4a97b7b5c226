using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;

namespace AnshinMail.Rules.Ledger;

/// <summary>Y10: the ledger's columns as the archivist reads them: Japanese headers, people's names (never login
/// IDs), Japanese role names and local times.</summary>
public sealed class LedgerCsv(PolicyBook book, Func<DateTimeOffset, DateTimeOffset> toLocal, StaffNames names)
{
    /// <summary>The Japanese column headers of the ledger's CSV.</summary>
    public static readonly string[] Header =
    [
        "番号", "情報種別", "配信所属", "配信要請所属", "作成者", "承認者", "承認区分", "事後報告", "確認事項",
        "承認日時", "承認の経過", "配信予定日時", "配信日時", "配信数", "解除・修正・補足", "取消・停止", "解除なしの終結",
        "緊急配信", "緊急配信の要件", "判断した情報配信者", "判断の方法・日時", "緊急配信の操作者", "判断の事後確認",
        "件名", "本文",
    ];

    /// <summary>Y9.2: after-the-fact report status as the ledger shows it.</summary>
    public const string PostReportNone = "不要", PostReportOpen = "未報告", PostReportDone = "報告済み";

    /// <summary>Y9.4: the distributor's confirmation of an emergency sent on their judgement.</summary>
    public const string ConfirmationOpen = "未確認", ConfirmationDone = "確認済み";

    /// <summary>The Japanese column headers of the ledger's 目次 (index).</summary>
    public static readonly string[] IndexHeader = ["番号", "情報種別", "配信所属", "件名", "配信日時", "配信状況"];

    /// <summary>One entry as a CSV row: names, Japanese labels and local times.</summary>
    public string[] Row(LedgerEntry e) =>
    [
        NumberText(e.Number), CategoryName(e.CategoryId), UnitName(e.SendingUnitId),
            e.RequestingUnitId is null ? "" : UnitName(e.RequestingUnitId),
        names.Of(e.AuthorId), names.Of(e.ApproverId), RoleNames.OfRegime(e.Regime), e.PostReportStatus,
        Confirmations(e.Confirmations), Time(e.ApprovedAt), Approvals(e), Time(e.ScheduledFor), Time(e.SentAt),
        e.Recipients.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NumbersText(e.FollowUps), e.Withdrawal, e.Closure,
        e.Emergency ? "緊急配信" : "", EmergencyConditionsText(book, e.EmergencyConditions), e.EmergencyJudge,
        e.EmergencyJudgement, e.EmergencyOperator, e.EmergencyConfirmation,
        e.Subject, e.Body,
    ];

    /// <summary>
    /// Y10: a ledger number as the CSV writes it, 「第2026-0001号」: Excel reads a bare 2026-0001 as a date (January
    /// 2026), and a cell that begins with 第 is text to it (no number, date, time or era begins so), with no formula
    /// (="2026-0001" would be CSV injection's very shape) and no visible quote mark. The number itself is unchanged
    /// (docs/ledger-csv.md).
    /// </summary>
    public static string NumberText(string number) => number.Length == 0 ? "" : $"第{number}号";

    /// <summary>Y11.3: the follow-ups' numbers, each as <see cref="NumberText"/>, separated by 「、」.</summary>
    public static string NumbersText(string numbers) => string.Join("、",
        numbers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NumberText));

    /// <summary>Y9.4: the four conditions as the book words them.</summary>
    public static string EmergencyConditionsText(PolicyBook book, string ids) => string.Join("／",
        ids.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => book.EmergencyConditions.FirstOrDefault(c => c.Id == id)?.Text ?? id));

    /// <summary>Y9.4 ただし書き: how the distributor's judgement was given.</summary>
    public static string MeansName(JudgementMeans means) => means switch
    {
        JudgementMeans.Phone => "電話",
        JudgementMeans.InPerson => "対面",
        _ => "本人が配信",
    };

    /// <summary>目次: one line per entry with its distribution status (Y10 「配信状況を明らかに」).</summary>
    public string[] IndexRow(LedgerEntry e) =>
        [NumberText(e.Number), CategoryName(e.CategoryId), UnitName(e.SendingUnitId), e.Subject,
            Time(e.SentAt ?? e.ScheduledFor),
            Status(e)];

    /// <summary>The entry's distribution status in Japanese (配信済み, 配信予定, 取消…).</summary>
    public static string Status(LedgerEntry e) =>
        e.Withdrawal.Length > 0 ? e.Withdrawal.Split(' ')[0]
        : e.SentAt is not null ? "配信済み" : e.ScheduledFor is not null ? "配信予定" : "承認済み・未配信";

    private string CategoryName(string id) => book.Categories.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    private string UnitName(string id) => book.FindUnit(id)?.Name ?? id;

    private string Confirmations(string ids) => string.Join("／", ids.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(id => book.PrivacyConfirmations.FirstOrDefault(c => c.Id == id)?.Text ?? id));

    private string Time(DateTimeOffset? at) =>
        at is { } t ? toLocal(t).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>Y7.2: a person of the entry by name.</summary>
    public string Person(string? userId) => names.Of(userId);

    /// <summary>Y10: every approval of the entry, in order: 「第1版 2026年11月27日（金）14:00 氏名（情報配信者）」.</summary>
    public string Approvals(LedgerEntry e) => string.Join("／", e.ApprovalHistory.Select(Approval));

    /// <summary>One approval as the ledger reads it: version, local time, approver's name and regime.</summary>
    public string Approval(LedgerApproval a) =>
        (a.Version > 0 ? $"第{a.Version}版 " : "")
        + $"{JapaneseDateText.Stamp(a.At, book.Zone)} {names.Of(a.ApproverId)}（{RoleNames.OfRegime(a.Regime)}）";
}
