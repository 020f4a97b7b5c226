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
    public long Id { get; private set; }
    public StaffNoticeKind Kind { get; private set; }
    /// <summary>The draft, request, report, judgement or abnormality report it is about.</summary>
    public long SubjectId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>User ids of the recipients whose mail the relay accepted.</summary>
    public List<string> DeliveredTo { get; private set; } = [];
    public int Attempts { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    public static StaffNotice Of(StaffNoticeKind kind, long subjectId, DateTimeOffset now) => new()
    {
        Kind = kind,
        SubjectId = subjectId,
        CreatedAt = now,
    };

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
