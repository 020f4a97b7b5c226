namespace AnshinMail.Rules.Storage;

/// <summary>What staff are told of by mail, and what their home page lists the same.</summary>
public enum StaffNoticeKind
{
    /// <summary>Y9.2: a draft awaits the unit's approvers.</summary>
    AwaitingApproval,
    /// <summary>T3(2), T4(2), Y11.4: a request reached the unit.</summary>
    Request,
    /// <summary>Y9.2: an after-the-fact report is owed to the distributor.</summary>
    PostReport,
    /// <summary>Y9.4: an emergency sent on the distributor's judgement awaits their confirmation.</summary>
    EmergencyConfirmation,
    /// <summary>Y12.3(2) 即報: an abnormality was reported to the security manager.</summary>
    Abnormality,
}

/// <summary>
/// One notice to staff, written in the transaction of the operation that caused it (an outbox): sent after the
/// commit, retried until every recipient has it. A failure is recorded here and never undoes the operation.
/// </summary>
public sealed class StaffNotice
{
    /// <summary>The notice's number, assigned by the database.</summary>
    public long Id { get; private set; }
    /// <summary>What the notice is about.</summary>
    public StaffNoticeKind Kind { get; private set; }
    /// <summary>The draft, request, report, judgement or abnormality report it is about.</summary>
    public long SubjectId { get; private set; }
    /// <summary>When the operation that caused it committed.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>User ids of the recipients whose mail the relay accepted.</summary>
    public List<string> DeliveredTo { get; private set; } = [];
    /// <summary>How many passes have tried to mail it.</summary>
    public int Attempts { get; private set; }
    /// <summary>When the last pass tried.</summary>
    public DateTimeOffset? LastAttemptAt { get; private set; }
    /// <summary>Why the last pass failed (up to 500 characters); null when it did not.</summary>
    public string? LastError { get; private set; }
    /// <summary>When every recipient had it; null while it is retried.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>A new notice of <paramref name="kind"/> about the record <paramref name="subjectId"/>.</summary>
    public static StaffNotice Of(StaffNoticeKind kind, long subjectId, DateTimeOffset now) => new()
    {
        Kind = kind,
        SubjectId = subjectId,
        CreatedAt = now,
    };

    /// <summary>Records that <paramref name="userId"/>'s mail was accepted, so a later pass does not mail them
    /// again.</summary>
    public void Delivered(string userId)
    {
        if (!DeliveredTo.Contains(userId)) DeliveredTo = [.. DeliveredTo, userId];
    }

    /// <summary>One pass is over: done when nothing failed, else kept with the error for the next pass.</summary>
    public void Attempted(string? error, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error is null ? null : error.Length > 500 ? error[..500] : error;
        if (error is null) DoneAt = now;
    }
}
