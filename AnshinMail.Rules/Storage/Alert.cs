using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>Scheduled → Sending → Sent; Scheduled → Cancelled (Y9.3, before anything went out); Sending → Stopped (the
/// brake).</summary>
public enum AlertStatus
{
    /// <summary>Approved and waiting for its time (held outside sending hours, Y9.4).</summary>
    Scheduled,
    /// <summary>Going out: its batches are being delivered.</summary>
    Sending,
    /// <summary>Every batch delivered (some messages may have failed).</summary>
    Sent,
    /// <summary>Cancelled before anything went out (Y9.3).</summary>
    Cancelled,
    /// <summary>Stopped while it was going out (Y9.3); what was sent stays sent.</summary>
    Stopped,
}

/// <summary>配信情報: an approved draft once sent or scheduled, with its rendered text and delivery progress.</summary>
public sealed class Alert
{
    /// <summary>The alert's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The draft it was released from.</summary>
    public long DraftId { get; set; }
    /// <summary>Y10: its entry in the distribution ledger (配信簿).</summary>
    public long? LedgerEntryId { get; set; }
    /// <summary>The id of its category in the policy book.</summary>
    public required string CategoryId { get; set; }
    /// <summary>The id of the unit that sent it.</summary>
    public required string UnitId { get; set; }
    /// <summary>T3(3): the station that asked for it, when an HQ division sent it on a request.</summary>
    public string? RequestingUnitId { get; set; }
    /// <summary>The areas it goes to: subscribers of any of them receive it.</summary>
    public List<string> Areas { get; set; } = [];
    /// <summary>The subject residents read, as rendered from the category's template.</summary>
    public required string Subject { get; set; }
    /// <summary>The text residents read, as rendered from the category's template.</summary>
    public required string Body { get; set; }
    /// <summary>Where it is in its life (see <see cref="AlertStatus"/>); changed only by its own methods.</summary>
    public AlertStatus Status { get; private set; }
    /// <summary>Y9.4 ただし書き: sent outside sending hours on the distributor's emergency judgement.</summary>
    public bool Emergency { get; set; }
    /// <summary>Y9.4: the four conditions the distributor recorded for an emergency send.</summary>
    public List<string> EmergencyConditions { get; set; } = [];
    /// <summary>When a held alert is to go out; null when it went out at once.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }
    /// <summary>When its delivery started.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>When its last batch was delivered.</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The user ID of who released it.</summary>
    public required string SentBy { get; set; }
    /// <summary>Y11.2, Y11.3: the kind of follow-up (resolution, correction, supplement) when it is one; null for an
    /// alert.</summary>
    public FollowUpKind? FollowUpKind { get; set; }
    /// <summary>The alert this one follows up, when it is a follow-up.</summary>
    public long? FollowUpOfAlertId { get; set; }
    /// <summary>T4(2): the unit to ask for the Yahoo!防災速報 relay once it has gone out (null: not eligible).</summary>
    public string? YahooRelayTo { get; set; }
    /// <summary>Y11.2: an incident alert stays open until its resolution is sent.</summary>
    public bool ResolutionOwed { get; set; }
    /// <summary>Y11.2: when its resolution went out; null while unresolved.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }
    /// <summary>Y9.3: who cancelled (before its time) or stopped (while sending) it, when and why.</summary>
    public string? StoppedBy { get; private set; }
    /// <summary>Y9.3: when it was cancelled or stopped.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }
    /// <summary>Y9.3: why it was cancelled or stopped, as the person wrote it.</summary>
    public string? StopReason { get; private set; }
    /// <summary>Y11.3: withdrawn from the public side (archive, Atom, CAP Cancel); the text stays for the
    /// staff.</summary>
    public string? WithdrawnBy { get; private set; }
    /// <summary>Y11.3: when it was withdrawn from the public side.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>Y11.3: why it was withdrawn, as the person wrote it.</summary>
    public string? WithdrawalReason { get; private set; }
    /// <summary>Y11.2: closed without a resolution mail (nothing to resolve), by the distributor, with a
    /// reason.</summary>
    public string? ClosedBy { get; private set; }
    /// <summary>Y11.2: when it was closed without a resolution.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Y11.2: why it was closed without a resolution.</summary>
    public string? CloseReason { get; private set; }
    /// <summary>A correction of a stopped alert goes only to those who got that alert.</summary>
    public long? AudienceOfAlertId { get; set; }
    /// <summary>Batches have been planned from the subscribers at the start of sending.</summary>
    public bool BatchesPlanned { get; set; }
    /// <summary>How many subscribers it was planned for.</summary>
    public int Recipients { get; set; }
    /// <summary>How many messages the relay accepted.</summary>
    public int Delivered { get; set; }
    /// <summary>How many messages failed for good.</summary>
    public int Failed { get; set; }
    /// <summary>Messages waiting for their subscribers' quiet hours to end (not yet delivered, not failed).</summary>
    public int Held { get; set; }
    /// <summary>訓練: sent by a drill; never listed by a real run's archive and feeds, never delivered, relayed or
    /// posted by it.</summary>
    public bool Drill { get; private set; }
    /// <summary>訓練: messages the drill kept back (recipients it does not allow), neither delivered nor
    /// failed.</summary>
    public int Withheld { get; set; }
    /// <summary>The last transport error while sending (relay down…), shown to staff; cleared on progress.</summary>
    public string? LastError { get; set; }
    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>Y9.3, Y9.4: an approved draft released with the text residents read: now, or held for its
    /// time.</summary>
    public static Alert Release(Draft draft, AlertRelease release, DateTimeOffset now)
    {
        var held = release.Timing == SendTiming.Hold;
        return new Alert
        {
            DraftId = draft.Id,
            LedgerEntryId = draft.LedgerEntryId,
            CategoryId = draft.CategoryId,
            UnitId = draft.UnitId,
            RequestingUnitId = draft.RequestingUnitId,
            Areas = release.Areas.ToList(),
            Subject = release.Subject,
            Body = release.Body,
            Status = held ? AlertStatus.Scheduled : AlertStatus.Sending,
            Emergency = release.Timing == SendTiming.Emergency,
            EmergencyConditions = release.EmergencyConditions.Order(StringComparer.Ordinal).ToList(),
            ScheduledFor = held ? release.At : null,
            StartedAt = held ? null : now,
            SentBy = release.SentBy,
            FollowUpKind = draft.FollowUpKind,
            FollowUpOfAlertId = draft.FollowUpOfAlertId,
            ResolutionOwed = draft.FollowUpKind is null && release.ResolutionTracked,
            Drill = release.Drill,
        };
    }

    /// <summary>Y9.4: a held alert starts sending when its time comes.</summary>
    public void StartSending(DateTimeOffset now)
    {
        if (Status != AlertStatus.Scheduled) return;
        Status = AlertStatus.Sending;
        StartedAt = now;
    }

    /// <summary>Every batch is done: the alert is sent.</summary>
    public void Complete(DateTimeOffset now)
    {
        Status = AlertStatus.Sent;
        SentAt = now;
    }

    /// <summary>Y11.2: its resolution went out.</summary>
    public void Resolve(DateTimeOffset now) => ResolvedAt ??= now;

    /// <summary>Y9.3: a scheduled alert is cancelled before its time: nothing of it is sent.</summary>
    public void Cancel(string by, string reason, DateTimeOffset now)
    {
        Refusal.Require(Status == AlertStatus.Scheduled, "Y9.3", "alert.not-scheduled",
            Status == AlertStatus.Sending ? "配信中です。取消ではなく配信の停止を行ってください。" : "予約中の配信ではないため取り消せません。");
        Stop(AlertStatus.Cancelled, by, reason, now);
    }

    /// <summary>Y9.3: the emergency brake: the worker stops at its next batch; what went out stays counted.</summary>
    public void Halt(string by, string reason, DateTimeOffset now)
    {
        Refusal.Require(Status == AlertStatus.Sending, "Y9.3", "alert.not-sending",
            Status == AlertStatus.Scheduled ? "まだ配信が始まっていません。予約の取消を行ってください。" : "配信中ではないため停止できません。");
        Stop(AlertStatus.Stopped, by, reason, now);
    }

    /// <summary>Y11.3: withdrawn from the public side once it went out (to anyone).</summary>
    public void Withdraw(string by, string reason, DateTimeOffset now)
    {
        Refusal.Require(Status is AlertStatus.Sending or AlertStatus.Sent or AlertStatus.Stopped, "Y11.3",
            "alert.not-public",
            "公開されていない配信は公開を取り消せません。予約中なら予約を取り消してください。");
        Refusal.Require(WithdrawnAt is null, "Y11.3", "alert.withdrawn", "この配信は既に公開を取り消しています。");
        RequireReason(reason);
        (WithdrawnBy, WithdrawnAt, WithdrawalReason) = (by, now, reason.Trim());
    }

    /// <summary>Y11.2: an open incident with nothing to resolve is closed by the distributor, with a reason, without
    /// mail.</summary>
    public void Close(string by, string reason, DateTimeOffset now)
    {
        Refusal.Require(ResolutionOwed && ResolvedAt is null && ClosedAt is null, "Y11.2", "alert.not-open",
            "解除情報の配信が必要な事案ではないか、既に終結しています。");
        RequireReason(reason);
        (ClosedBy, ClosedAt, CloseReason) = (by, now, reason.Trim());
    }

    /// <summary>
    /// Y9.3, Y11.3: someone got it: sending or sent, or stopped after some went out (not cancelled, not held).
    /// </summary>
    public bool WentOut =>
        Status is AlertStatus.Sending or AlertStatus.Sent || (Status == AlertStatus.Stopped && Delivered > 0);

    /// <summary>
    /// Y11.2: still owes its resolution (a withdrawn alert was declared void to the public: nothing to resolve).
    /// </summary>
    public bool IsOpen => ResolutionOwed && ResolvedAt is null && ClosedAt is null && WithdrawnAt is null && WentOut;

    /// <summary>
    /// Y11.4: may be shared with a neighbouring station: an original that went out and whose case is not over
    /// (resolved, closed without resolution) or void (withdrawn); a neighbour must not announce a case already over.
    /// </summary>
    public bool Shareable => WentOut && FollowUpKind is null && ResolvedAt is null && ClosedAt is null
        && WithdrawnAt is null;

    private void Stop(AlertStatus status, string by, string reason, DateTimeOffset now)
    {
        RequireReason(reason);
        Status = status;
        (StoppedBy, StoppedAt, StopReason) = (by, now, reason.Trim());
    }

    private static void RequireReason(string reason)
    {
        Refusal.Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= 1000, "Y9.3", "alert.reason",
            "理由を1000文字以内で入力してください。");
        StaffText.RequireUsable(reason, "理由", "Y9.3", "alert.reason-character");
    }
}

/// <summary>What the release of a draft decided: when, to which areas, with which text, by whom.</summary>
public sealed record AlertRelease(
    SendTiming Timing, DateTimeOffset At, IReadOnlyList<string> Areas, string Subject, string Body, string SentBy,
    IReadOnlyCollection<string> EmergencyConditions, bool ResolutionTracked)
{
    /// <summary>訓練: released by a drill installation.</summary>
    public bool Drill { get; init; }
}
