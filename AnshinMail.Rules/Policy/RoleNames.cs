namespace AnshinMail.Rules.Policy;

/// <summary>Y5, Y9.2: the Japanese names people read for roles and approval regimes (never the enum names).</summary>
public static class RoleNames
{
    /// <summary>The Japanese name of a role (e.g. 情報配信者).</summary>
    public static string Of(Role role) => role switch
    {
        Role.Staff => "職員",
        Role.Assistant => "情報配信補助者",
        Role.Distributor => "情報配信者",
        Role.PrOfficer => "広報活動責任者",
        Role.DutyOfficer => "当直責任者",
        Role.SecurityManager => "システムセキュリティ責任者",
        _ => "システムセキュリティ維持管理者",
    };

    /// <summary>「情報配信者」, 「広報活動責任者（事後報告）」, 「当直責任者（事後報告）」.</summary>
    public static string Of(ApprovalRegime regime) => regime switch
    {
        ApprovalRegime.Distributor => "情報配信者",
        ApprovalRegime.PrOfficer => "広報活動責任者（事後報告）",
        _ => "当直責任者（事後報告）",
    };

    /// <summary>A regime as stored in the ledger (its enum name), in Japanese; an unknown value is shown as
    /// such, never as itself.</summary>
    public static string OfRegime(string stored) =>
        Enum.TryParse<ApprovalRegime>(stored, out var regime) && Enum.IsDefined(regime) ? Of(regime) : "（不明な区分）";

    /// <summary>The Japanese names of roles, in role order, joined by 「、」.</summary>
    public static string Of(IEnumerable<Role> roles) => string.Join("、", roles.Distinct().Order().Select(Of));
}
