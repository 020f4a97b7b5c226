using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

public enum AlertStatus { Scheduled, Sending, Sent }

/// <summary>配信情報: an approved draft once sent or scheduled, with its rendered text and delivery progress.</summary>
public sealed class Alert
{
    public long Id { get; set; }
    public long DraftId { get; set; }
    public long? LedgerEntryId { get; set; }
    public required string CategoryId { get; set; }
    public required string UnitId { get; set; }
    public string? RequestingUnitId { get; set; }
    public List<string> Areas { get; set; } = [];
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public AlertStatus Status { get; private set; }
    public bool Emergency { get; set; }
    /// <summary>Y9.4: the four conditions the distributor recorded for an emergency send.</summary>
    public List<string> EmergencyConditions { get; set; } = [];
    public DateTimeOffset? ScheduledFor { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public required string SentBy { get; set; }
    public FollowUpKind? FollowUpKind { get; set; }
    public long? FollowUpOfAlertId { get; set; }
    /// <summary>Y11.2: an incident alert stays open until its resolution is sent.</summary>
    public bool ResolutionOwed { get; set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    /// <summary>Batches have been planned from the subscribers at the start of sending.</summary>
    public bool BatchesPlanned { get; set; }
    public int Recipients { get; set; }
    public int Delivered { get; set; }
    public int Failed { get; set; }
    /// <summary>Messages waiting for their subscribers' quiet hours to end (not yet delivered, not failed).</summary>
    public int Held { get; set; }
    /// <summary>The last transport error while sending (relay down…), shown to staff; cleared on progress.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>Y9.3, Y9.4: an approved draft released with the text residents read: now, or held for its time.</summary>
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
}

/// <summary>What the release of a draft decided: when, to which areas, with which text, by whom.</summary>
public sealed record AlertRelease(
    SendTiming Timing, DateTimeOffset At, IReadOnlyList<string> Areas, string Subject, string Body, string SentBy,
    IReadOnlyCollection<string> EmergencyConditions, bool ResolutionTracked);
