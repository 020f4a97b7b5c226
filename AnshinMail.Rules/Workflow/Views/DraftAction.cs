namespace AnshinMail.Rules.Workflow.Views;

/// <summary>What the person looking at a draft may do with it next (Y9.1–Y9.4), as the library decides it.</summary>
public enum DraftAction
{
    /// <summary>Y9.1: change the draft (a new version).</summary>
    Edit,
    /// <summary>Y9.2: submit it for approval.</summary>
    Submit,
    /// <summary>Y9.2: approve it.</summary>
    Approve,
    /// <summary>Y9.2 ただし書き: the PR officer states the distributor is absent while approving.</summary>
    DeclareDistributorAbsent,
    /// <summary>Y9.2: return it to its author with a reason.</summary>
    Reject,
    /// <summary>Y9.3, Y9.4: release it (now inside sending hours, else held).</summary>
    Send,
    /// <summary>Y9.4 ただし書き: outside sending hours, on the distributor's judgement.</summary>
    EmergencySend,
    /// <summary>Y11.1: a writer or approver in doubt consults the division in charge or 広報相談課.</summary>
    Consult,
    /// <summary>Y9.4 ただし書き, Y9.3: outside sending hours, staff send on the judgement the distributor gave by
    /// phone or in person.</summary>
    EmergencySendOnJudgement,
}

/// <summary>Y9.4: whether the sending hours are open now, and when they next open (the time a held send goes
/// out).</summary>
public sealed record SendingWindow(bool OpenNow, DateTimeOffset OpensAt);
