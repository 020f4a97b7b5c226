using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>FollowUp: the requesting station asks the unit that sent an alert on its request for its resolution or
/// correction.</summary>
public enum RequestKind { Distribution, Share, YahooRelay, FollowUp }

public enum RequestStatus { Open, TakenOver, Done, Withdrawn }

/// <summary>
/// 配信要請 (T3(2)), 情報提供・配信要請 (Y11.4) and Yahoo!防災速報への情報提供要請 (T4(2)): one unit asks another.
/// </summary>
public sealed class UnitRequest
{
    public long Id { get; set; }
    public RequestKind Kind { get; set; }
    public required string FromUnitId { get; set; }
    public required string ToUnitId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long? DraftId { get; set; }
    public long? AlertId { get; set; }
    public List<string> Areas { get; set; } = [];
    /// <summary>The draft text the receiving unit starts from (JSON of the draft input), when it is to send.</summary>
    public string? Payload { get; set; }
    /// <summary>Y11.3: for a follow-up request, which follow-up is asked for.</summary>
    public Policy.FollowUpKind? FollowUpKind { get; set; }
    public RequestStatus Status { get; private set; }
    public string? HandledBy { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    /// <summary>The draft the receiving unit started from it (distribution take-over).</summary>
    public long? ResultDraftId { get; private set; }

    /// <summary>T3(2), T4(2), Y11.4: one unit asks another; open until the receiver handles it.</summary>
    public static UnitRequest File(
        RequestKind kind, Policy.Person by, string toUnitId, long? alertId, IEnumerable<string> areas,
        DraftInput? payload,
        DateTimeOffset now) => new()
    {
        Kind = kind,
        FromUnitId = by.UnitId,
        ToUnitId = toUnitId,
        CreatedBy = by.Id,
        CreatedAt = now,
        AlertId = alertId,
        Areas = areas.ToList(),
        Status = RequestStatus.Open,
        Payload = payload is null ? null : System.Text.Json.JsonSerializer.Serialize(payload),
    };

    /// <summary>The draft text the request carries, for the receiver to start from.</summary>
    public DraftInput? Draft() =>
        Payload is null ? null
            : System.Text.Json.JsonSerializer.Deserialize<DraftInput>(Payload)! with { TargetAreas = Areas };

    /// <summary>T3(2), Y11.4: the receiving unit answers with a draft of its own.</summary>
    public void TakeOver(string by, long draftId, DateTimeOffset now)
    {
        Refusal.Require(Kind is RequestKind.Distribution or RequestKind.Share or RequestKind.FollowUp, "T3(2)",
            "request.kind", "この要請は引き継ぎの対象ではありません。");
        Close(RequestStatus.TakenOver, by, now, "T3(2)");
        ResultDraftId = draftId;
    }

    /// <summary>Y9.3: the alert it came from was cancelled: an open request is withdrawn (a handled one stays as it
    /// was).</summary>
    public void Withdraw(string by, DateTimeOffset now)
    {
        if (Status != RequestStatus.Open) return;
        Close(RequestStatus.Withdrawn, by, now, "Y9.3");
    }

    /// <summary>T4(2): done by the receiving unit (a relay made, a share handled without a draft).</summary>
    public void Complete(string by, DateTimeOffset now) => Close(RequestStatus.Done, by, now, "T4(2)");

    private void Close(RequestStatus status, string by, DateTimeOffset now, string clause)
    {
        Refusal.Require(Status == RequestStatus.Open, clause, "request.closed", "この要請は既に処理されています。");
        Status = status;
        HandledBy = by;
        HandledAt = now;
    }
}

