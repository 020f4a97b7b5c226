namespace AnshinMail.Rules.Storage;

/// <summary>
/// Y12: the audit log as the security manager reads it: each recorded action and outcome in Japanese. The codes
/// stay in the records (stable keys); a test holds every action an operation records to a label here.
/// </summary>
public static class AuditLabels
{
    /// <summary>Every action code operations record, with its Japanese label, in the order the audit page lists
    /// them.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Actions =
    [
        new("sign-in", "ログイン"),
        new("sign-out", "ログアウト"),
        new("password.change", "パスワード変更"),
        new("account.setup", "最初のシステムセキュリティ責任者の作成"),
        new("account.issue", "アカウントの発行"),
        new("account.roles", "役割の変更"),
        new("account.disable", "アカウントの停止"),
        new("account.unlock", "ロックの解除"),
        new("account.notification-address", "通知先アドレスの変更"),
        new("draft.create", "配信文（案）の作成"),
        new("draft.edit", "配信文（案）の編集"),
        new("draft.submit", "承認者への提出"),
        new("draft.approve", "承認"),
        new("draft.reject", "差し戻し"),
        new("draft.follow-up", "解除・修正・補足の作成"),
        new("post-report.acknowledge", "事後報告の確認"),
        new("alert.send", "配信（予約を含む）"),
        new("alert.emergency-send", "緊急配信"),
        new("alert.emergency-send-judged", "情報配信者の判断による緊急配信"),
        new("emergency.confirm", "緊急配信の事後確認"),
        new("alert.start-scheduled", "予約配信の開始"),
        new("alert.cancel", "配信予約の取消"),
        new("alert.stop", "配信の停止"),
        new("alert.withdraw", "公開の取消"),
        new("alert.close", "解除なしの終結"),
        new("request.distribution", "配信要請"),
        new("request.take-over", "要請の引受け"),
        new("request.complete", "要請の完了"),
        new("request.follow-up", "解除・修正の要請"),
        new("request.forward", "主管課への回付"),
        new("request.share", "隣接署への情報提供"),
        new("consultation.ask", "協議"),
        new("consultation.answer", "協議への回答"),
        new("abnormality.report", "異常の報告"),
        new("ledger.dispose", "配信簿の廃棄"),
        new("organisation.register", "二次配信先の登録"),
    ];

    private static readonly Dictionary<string, string> ByCode = Actions.ToDictionary(a => a.Key, a => a.Value);

    /// <summary>Whether <paramref name="action"/> has a Japanese label.</summary>
    public static bool Knows(string action) => ByCode.ContainsKey(action);

    /// <summary>The action in Japanese; one without a label is named as such, not by its code.</summary>
    public static string Action(string action) => ByCode.GetValueOrDefault(action, "（未分類の操作）");

    /// <summary>What the target number of an action is (a draft, an alert, a request…), so 「7」 is read as
    /// 「配信文（案） 7」; null for targets that are not numbered records (people, sign-ins).</summary>
    public static string? TargetKind(string action) => action.Split('.')[0] switch
    {
        "draft" => "配信文（案）",
        "alert" => "配信",
        "request" or "consultation" => "要請",
        "emergency" => "緊急配信の判断記録",
        "post-report" => "事後報告",
        "abnormality" => "異常の報告",
        "ledger" => "配信簿",
        "organisation" => "二次配信先",
        _ => null,
    };

    /// <summary>「成功」「拒否」, and how a sign-in ended.</summary>
    public static string Outcome(string outcome) => outcome switch
    {
        "ok" => "成功",
        "refused" => "拒否",
        "Success" => "成功",
        "MustChangePassword" => "成功（初期パスワードの変更待ち）",
        "PasswordExpired" => "成功（パスワードの有効期限切れ）",
        "LockedOut" => "ロック中のため拒否",
        "Failed" => "失敗",
        _ => "（不明）",
    };
}
