using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>FollowUp: the requesting station asks the unit that sent an alert on its request for its resolution or
/// correction. Consultation (Y11.1): a unit in doubt about a draft asks the division in charge or 広報相談課.</summary>
public enum RequestKind
{
    /// <summary>T3(2): a station asks an HQ division (or the duty desk at night) to send for it.</summary>
    Distribution,
    /// <summary>Y11.4: a station asks a neighbour to send the information too.</summary>
    Share,
    /// <summary>T4(2): a unit asks the relay division to pass an alert on to Yahoo!防災速報.</summary>
    YahooRelay,
    /// <summary>The requesting station asks for a resolution or correction of an alert sent on its request.</summary>
    FollowUp,
    /// <summary>Y11.1: a unit asks the division in charge or 広報相談課 about a draft.</summary>
    Consultation,
}

/// <summary>Forwarded (T3(2)): the HQ duty desk passed a night request on to the division in charge.</summary>
public enum RequestStatus
{
    /// <summary>Not handled yet.</summary>
    Open,
    /// <summary>T3(2): the receiving HQ division took it over and wrote a draft from it.</summary>
    TakenOver,
    /// <summary>Handled: sent, relayed or answered.</summary>
    Done,
    /// <summary>The asking unit withdrew it.</summary>
    Withdrawn,
    /// <summary>T3(2): the duty desk passed it on to the division in charge.</summary>
    Forwarded,
}

/// <summary>Y11.4: why a neighbouring station is asked (当該隣接警察署へ波及するおそれ又は手配等の必要性).</summary>
public enum ShareReason
{
    /// <summary>The incident may spread into the neighbour's area (波及するおそれ).</summary>
    Spread,
    /// <summary>A wanted notice or search is needed there (手配等の必要性).</summary>
    WantedNotice,
}

/// <summary>
/// 配信要請 (T3(2)), 情報提供・配信要請 (Y11.4) and Yahoo!防災速報への情報提供要請 (T4(2)): one unit asks another.
/// </summary>
public sealed class UnitRequest
{
    /// <summary>The request's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>What is asked for.</summary>
    public RequestKind Kind { get; set; }
    /// <summary>The id of the asking unit.</summary>
    public required string FromUnitId { get; set; }
    /// <summary>The id of the unit asked.</summary>
    public required string ToUnitId { get; set; }
    /// <summary>The user ID of who asked.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When it was asked.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The draft it is about, if any.</summary>
    public long? DraftId { get; set; }
    /// <summary>The alert it is about, if any.</summary>
    public long? AlertId { get; set; }
    /// <summary>The areas it concerns.</summary>
    public List<string> Areas { get; set; } = [];
    /// <summary>The draft text the receiving unit starts from (JSON of the draft input), when it is to send.</summary>
    public string? Payload { get; set; }
    /// <summary>Y11.3: for a follow-up request, which follow-up is asked for.</summary>
    public Policy.FollowUpKind? FollowUpKind { get; set; }
    /// <summary>Where it is (see <see cref="RequestStatus"/>); changed only by its own methods.</summary>
    public RequestStatus Status { get; private set; }
    /// <summary>The user ID of who handled, took over, forwarded or withdrew it.</summary>
    public string? HandledBy { get; private set; }
    /// <summary>When it was handled.</summary>
    public DateTimeOffset? HandledAt { get; private set; }
    /// <summary>The draft the receiving unit started from it (distribution take-over).</summary>
    public long? ResultDraftId { get; private set; }
    /// <summary>T3(2): the HQ division in charge of the case (a night request goes to the duty desk, which may forward
    /// it there).</summary>
    public string? DivisionInCharge { get; set; }
    /// <summary>T3(2): the duty desk's request this one was forwarded from; on the desk's, the one it became.</summary>
    public long? ForwardedFromRequestId { get; set; }
    /// <summary>T3(2): on the duty desk's request, the one it was forwarded as.</summary>
    public long? ForwardedToRequestId { get; private set; }
    /// <summary>Y11.4: why a neighbour is asked.</summary>
    public ShareReason? Reason { get; set; }
    /// <summary>Y11.4: the asking unit's remark; Y11.1: the consultation's question.</summary>
    public string? Note { get; set; }
    /// <summary>Y11.1: the consulted unit's answer.</summary>
    public string? Answer { get; private set; }
    /// <summary>T4(2): the text to relay; Y11.1: the draft as it read when consulted (subject and text).</summary>
    public string? Subject { get; set; }
    /// <summary>The text to relay, or the draft's text when consulted; see <see cref="Subject"/>.</summary>
    public string? Body { get; set; }
    /// <summary>Y11.1: the draft version the consultation is about.</summary>
    public int? DraftVersion { get; set; }
    /// <summary>T4(2): a follow-up of the incident went out after the request (the relay is to be updated).</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

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
    public void Complete(string by, DateTimeOffset now)
    {
        Refusal.Require(Kind != RequestKind.Consultation, "Y11.1", "consultation.answer",
            "協議には回答を入力してください。");
        Close(RequestStatus.Done, by, now, "T4(2)");
    }

    /// <summary>T3(2): the duty desk passes a night request on to the division in charge (a new request, this one
    /// closed as forwarded).</summary>
    public UnitRequest Forward(string by, string toDivision, DateTimeOffset now)
    {
        Refusal.Require(Kind == RequestKind.Distribution, "T3(2)", "request.kind", "回付できるのは配信要請です。");
        Close(RequestStatus.Forwarded, by, now, "T3(2)");
        var next = new UnitRequest
        {
            Kind = Kind, FromUnitId = FromUnitId, ToUnitId = toDivision, CreatedBy = CreatedBy, CreatedAt = now,
            DraftId = DraftId, AlertId = AlertId, Areas = Areas.ToList(), Payload = Payload,
            DivisionInCharge = toDivision, ForwardedFromRequestId = Id, Status = RequestStatus.Open,
        };
        return next;
    }

    /// <summary>T3(2): the forwarded request has its id.</summary>
    public void ForwardedTo(long requestId) => ForwardedToRequestId = requestId;

    /// <summary>Y11.1: the consulted unit answers.</summary>
    public void Respond(string by, string answer, DateTimeOffset now)
    {
        Refusal.Require(Kind == RequestKind.Consultation, "Y11.1", "request.kind", "この要請は協議ではありません。");
        Refusal.Require(!string.IsNullOrWhiteSpace(answer) && answer.Length <= 2000, "Y11.1", "consultation.answer",
            "回答を2000文字以内で入力してください。");
        Close(RequestStatus.Done, by, now, "Y11.1");
        Answer = answer.Trim();
    }

    /// <summary>T4(2): once per incident: a follow-up that went out updates the relay request (handled again when it
    /// was done).</summary>
    public void RelayUpdate(string subject, string body, DateTimeOffset now)
    {
        (Subject, Body, UpdatedAt) = (subject, body, now);
        if (Status != RequestStatus.Done) return;
        (Status, HandledBy, HandledAt) = (RequestStatus.Open, null, null);
    }

    private void Close(RequestStatus status, string by, DateTimeOffset now, string clause)
    {
        Refusal.Require(Status == RequestStatus.Open, clause, "request.closed", "この要請は既に処理されています。");
        Status = status;
        HandledBy = by;
        HandledAt = now;
    }
}

