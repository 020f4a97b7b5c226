namespace AnshinMail.Rules.Storage;

/// <summary>Y10: one approved draft in the distribution ledger (配信簿), numbered per calendar year.</summary>
public sealed class LedgerEntry
{
    /// <summary>The entry's row number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>Y10: the calendar year of the entry's numbering.</summary>
    public int Year { get; set; }
    /// <summary>Y10: the entry's serial in its year, from 1.</summary>
    public int Serial { get; set; }
    /// <summary>「2026-0001」</summary>
    public string Number => $"{Year}-{Serial:0000}";
    /// <summary>The id of its category in the policy book.</summary>
    public required string CategoryId { get; set; }
    /// <summary>The id of the unit that sends it.</summary>
    public required string SendingUnitId { get; set; }
    /// <summary>T3(3): the station that asked for it, if an HQ division sends it on a request.</summary>
    public string? RequestingUnitId { get; set; }
    /// <summary>The user ID of the draft's author.</summary>
    public required string AuthorId { get; set; }
    /// <summary>The user ID of the latest approver.</summary>
    public required string ApproverId { get; set; }
    /// <summary>Y9.2: Distributor / PrOfficer / DutyOfficer.</summary>
    public required string Regime { get; set; }
    /// <summary>Y9.2: 不要 / 未報告 / 報告済み.</summary>
    public required string PostReportStatus { get; set; }
    /// <summary>Y11.1: the confirmation ids ticked at approval.</summary>
    public required string Confirmations { get; set; }
    /// <summary>When the latest approval was given.</summary>
    public DateTimeOffset ApprovedAt { get; set; }
    /// <summary>When a held alert was scheduled to go out.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }
    /// <summary>When it went out.</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>How many subscribers it went to.</summary>
    public int Recipients { get; set; }
    /// <summary>Numbers of the follow-ups (解除・修正・補足) of this entry, if any.</summary>
    public string FollowUps { get; set; } = "";
    /// <summary>Y9.3, Y11.3: 取消 / 停止 / 公開取消 with who, when and why, as the ledger reads it.</summary>
    public string Withdrawal { get; set; } = "";
    /// <summary>Y11.2: closed without a resolution, with who, when and why.</summary>
    public string Closure { get; set; } = "";
    /// <summary>Y9.4 ただし書き: sent outside sending hours as an emergency.</summary>
    public bool Emergency { get; set; }
    /// <summary>Y9.4: the condition ids the distributor judged met.</summary>
    public string EmergencyConditions { get; set; } = "";
    /// <summary>Y9.4: the name of the distributor who judged, and how and when (「電話 2026-11-27 23:20」).</summary>
    public string EmergencyJudge { get; set; } = "";
    /// <summary>Y9.4: the judgement as the ledger reads it (who, how, when).</summary>
    public string EmergencyJudgement { get; set; } = "";
    /// <summary>Y9.3: the name of who registered and sent it.</summary>
    public string EmergencyOperator { get; set; } = "";
    /// <summary>Y9.4: 不要 / 未確認 / 確認済み of the distributor's confirmation afterwards.</summary>
    public string EmergencyConfirmation { get; set; } = "";
    /// <summary>The subject as sent.</summary>
    public required string Subject { get; set; }
    /// <summary>The text as sent.</summary>
    public required string Body { get; set; }
    /// <summary>Y9.2, Y10: every approval of the draft, in order; the columns above name the latest.</summary>
    public IReadOnlyList<LedgerApproval> Approvals { get; private set; } = [];

    /// <summary>Y10: every approval is kept, in order (a re-approval adds to the record, it never overwrites it);
    /// the approver columns name the latest.</summary>
    public void RecordApproval(LedgerApproval approval)
    {
        Approvals = [.. Approvals, approval];
        ApproverId = approval.ApproverId;
        Regime = approval.Regime;
        ApprovedAt = approval.At;
    }

    /// <summary>The approvals in order; an entry filed before the history was kept shows its one approval.</summary>
    public IReadOnlyList<LedgerApproval> ApprovalHistory =>
        Approvals.Count > 0 ? Approvals : [new LedgerApproval(0, ApproverId, Regime, ApprovedAt)];
}

/// <summary>Y9.2: one approval on a ledger entry: which version, who, under which regime, when.</summary>
public sealed record LedgerApproval(int Version, string ApproverId, string Regime, DateTimeOffset At);
