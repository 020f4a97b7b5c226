namespace AnshinMail.Rules.Policy;

/// <summary>Y5: the roles a person can hold in their unit.</summary>
public enum Role
{
    /// <summary>職員: writes drafts.</summary>
    Staff,
    /// <summary>情報配信補助者: assists the distributor (prepares and checks drafts).</summary>
    Assistant,
    /// <summary>情報配信者: the unit head who approves drafts.</summary>
    Distributor,
    /// <summary>広報活動責任者: approves in the distributor's absence and reports afterwards.</summary>
    PrOfficer,
    /// <summary>当直責任者: approves under the night and holiday duty system and reports afterwards.</summary>
    DutyOfficer,
    /// <summary>システムセキュリティ責任者: issues accounts and reads the audit log (Y5.1).</summary>
    SecurityManager,
    /// <summary>システムセキュリティ維持管理者: maintains the system for the security manager.</summary>
    Maintainer,
}

/// <summary>Y9.2: under whose authority a draft is approved.</summary>
public enum ApprovalRegime
{
    /// <summary>The unit head approves; nothing is owed afterwards.</summary>
    Distributor,
    /// <summary>The distributor is absent: the PR officer approves and reports afterwards.</summary>
    PrOfficer,
    /// <summary>The night/holiday duty system is in force: the duty officer approves and reports afterwards.</summary>
    DutyOfficer,
}

/// <summary>Which step of the workflow a <see cref="PolicyCase"/> is evaluated for.</summary>
public enum PolicyStage
{
    /// <summary>Writing or previewing: show what approval and sending will need.</summary>
    Draft,
    /// <summary>An approver records an approval now.</summary>
    Approve,
    /// <summary>Staff re-check and send (or schedule) now.</summary>
    Send,
    /// <summary>A question about accounts or the ledger, with no draft involved.</summary>
    Administration,
}
