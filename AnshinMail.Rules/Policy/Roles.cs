namespace AnshinMail.Rules.Policy;

/// <summary>Y5: the roles a person can hold in their unit.</summary>
public enum Role
{
    Staff,
    Assistant,
    Distributor,
    PrOfficer,
    DutyOfficer,
    SecurityManager,
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
