using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;

namespace AnshinMail.Web.Infrastructure;

/// <summary>The Japanese words staff read for the library's states and kinds.</summary>
public static class Labels
{
    public static string Status(DraftStatus s) => s switch
    {
        DraftStatus.Writing => "作成中",
        DraftStatus.Submitted => "承認待ち",
        DraftStatus.Approved => "承認済み",
        DraftStatus.Rejected => "差し戻し",
        _ => "配信済み・予約済み",
    };

    public static string Status(AlertStatus s) => s switch
    {
        AlertStatus.Scheduled => "配信予約",
        AlertStatus.Sending => "配信中",
        AlertStatus.Cancelled => "予約取消",
        AlertStatus.Stopped => "配信停止",
        _ => "配信完了",
    };

    public static string Regime(ApprovalRegime r) => RoleNames.Of(r);

    public static string Role(Role r) => RoleNames.Of(r);

    public static string Request(RequestKind k) => k switch
    {
        RequestKind.Distribution => "配信要請",
        RequestKind.Share => "情報提供・配信要請",
        RequestKind.FollowUp => "解除・修正の要請",
        RequestKind.Consultation => "協議",
        _ => "Yahoo!防災速報への情報提供要請",
    };

    public static string Status(RequestStatus s) => s switch
    {
        RequestStatus.Open => "未処理",
        RequestStatus.TakenOver => "引き継ぎ済み",
        RequestStatus.Withdrawn => "取り下げ（配信の取消・停止による）",
        RequestStatus.Forwarded => "主管課へ回付済み",
        _ => "処理済み",
    };

    /// <summary>Y11.4: 当該隣接警察署へ波及するおそれ又は手配等の必要性.</summary>
    public static string ShareReason(ShareReason r) => r switch
    {
        Rules.Storage.ShareReason.Spread => "広域に及ぶ（隣接署へ波及する）おそれ",
        _ => "手配が必要",
    };

    /// <summary>Y9.4 ただし書き: how the distributor's judgement reached the one who sent.</summary>
    public static string Means(JudgementMeans m) => m switch
    {
        JudgementMeans.Phone => "電話で判断",
        JudgementMeans.InPerson => "対面で判断",
        _ => "本人が判断して配信",
    };

    public static string FollowUp(FollowUpKind? k) => k switch
    {
        FollowUpKind.Resolution => "解除",
        FollowUpKind.Correction => "修正",
        FollowUpKind.Supplement => "補足",
        _ => "",
    };

    public static string Unit(PolicyBook book, string? id) => id is null ? "" : book.FindUnit(id)?.Name ?? id;

    public static string Category(PolicyBook book, string id) =>
        book.Categories.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    /// <summary>「2026年11月28日（土）11:42」 in the book's time zone (the library's one form).</summary>
    public static string Time(PolicyBook book, DateTimeOffset? at) =>
        at is { } t ? JapaneseDateText.Stamp(t, book.Zone) : "";

    public static string Elapsed(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}日{span.Hours}時間"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours}時間{span.Minutes}分" : $"{Math.Max(0, span.Minutes)}分";
}
