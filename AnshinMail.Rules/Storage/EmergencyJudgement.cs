using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>Y9.4 ただし書き: how the distributor's judgement reached the sender.</summary>
public enum JudgementMeans
{
    /// <summary>The distributor sent it from their own login.</summary>
    Self,
    /// <summary>電話: judged by phone, operated by staff.</summary>
    Phone,
    /// <summary>対面: judged in person, operated by staff.</summary>
    InPerson,
}

/// <summary>
/// Y9.4 ただし書き, Y9.3: an emergency send outside sending hours on the distributor's judgement (「情報配信者が
/// 認めた」): who judged, when, how, the conditions recorded, who operated; staff-operated ones stay owed until the
/// distributor who judged confirms them.
/// </summary>
public sealed class EmergencyJudgement
{
    /// <summary>The judgement's number, assigned by the database.</summary>
    public long Id { get; private set; }
    /// <summary>The alert the judgement released.</summary>
    public long AlertId { get; private set; }
    /// <summary>The draft of that alert.</summary>
    public long DraftId { get; private set; }
    /// <summary>The id of the unit that sent it.</summary>
    public string UnitId { get; private set; } = "";
    /// <summary>The user ID of the distributor who judged.</summary>
    public string JudgeId { get; private set; } = "";
    /// <summary>When the distributor judged, as recorded.</summary>
    public DateTimeOffset JudgedAt { get; private set; }
    /// <summary>How the judgement reached the sender (their own login, phone, in person).</summary>
    public JudgementMeans Means { get; private set; }
    /// <summary>The ids of the book's emergency conditions judged met.</summary>
    public List<string> Conditions { get; private set; } = [];
    /// <summary>The user ID of who registered and sent it.</summary>
    public string OperatorId { get; private set; } = "";
    /// <summary>When it was recorded (the send).</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>When the distributor confirmed it; null while owed.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>Owed while a judgement given by phone or in person is not yet confirmed by the one who gave
    /// it.</summary>
    public bool Owed => Means != JudgementMeans.Self && ConfirmedAt is null;

    /// <summary>Y9.4: recorded with the alert it released; the distributor's own send needs no
    /// confirmation.</summary>
    public static EmergencyJudgement Record(Alert alert, EmergencyFact judgement, JudgementMeans means,
        DateTimeOffset judgedAt, Person operatedBy, DateTimeOffset now) => new()
    {
        AlertId = alert.Id,
        DraftId = alert.DraftId,
        UnitId = alert.UnitId,
        JudgeId = judgement.DecidedBy.Id,
        JudgedAt = judgedAt,
        Means = means,
        Conditions = judgement.Conditions.Order(StringComparer.Ordinal).ToList(),
        OperatorId = operatedBy.Id,
        CreatedAt = now,
        ConfirmedAt = means == JudgementMeans.Self ? now : null,
    };

    /// <summary>Y9.4: the distributor who judged confirms afterwards that the send was on their judgement.</summary>
    public void Confirm(string by, DateTimeOffset now)
    {
        Refusal.Require(by == JudgeId, "Y9.4", "emergency.not-judge",
            "緊急配信の事後確認は、判断した情報配信者が行います。");
        Refusal.Require(ConfirmedAt is null, "Y9.4", "emergency.confirmed", "この緊急配信は既に確認済みです。");
        ConfirmedAt = now;
    }
}
