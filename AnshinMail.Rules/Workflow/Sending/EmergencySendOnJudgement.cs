using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>Y9.4 ただし書き: the distributor's judgement as staff record it: who, how, when, which conditions.</summary>
public sealed record JudgementInput
{
    /// <summary>The user ID of the distributor who judged.</summary>
    public string JudgeId { get; init; } = "";
    /// <summary>How the judgement reached the sender (phone or in person).</summary>
    public JudgementMeans Means { get; init; }
    /// <summary>When the distributor judged; null is refused.</summary>
    public DateTimeOffset? JudgedAt { get; init; }
    /// <summary>The ids of the book's emergency conditions the distributor judged met.</summary>
    public IReadOnlySet<string> Conditions { get; init; } = new HashSet<string>();
    /// <summary>Y9.3: the sender re-checked the approved text before sending.</summary>
    public bool Rechecked { get; init; }
}

/// <summary>
/// Y9.4 ただし書き, Y9.3: outside sending hours, staff of the unit (the duty officer among them) register and send at
/// once on the judgement the unit's distributor gave by phone or in person. The rules decide whether the judge may
/// judge; the distributor confirms it afterwards (<see cref="ConfirmEmergencyJudgement"/>).
/// </summary>
public sealed class EmergencySendOnJudgement(WorkflowContext w)
{
    /// <summary>Sends approved draft <paramref name="draftId"/> now on the judgement recorded in <paramref
    /// name="input"/>; the judgement is owed a confirmation.</summary>
    public Task<SendOutcome> RunAsync(Person actor, long draftId, JudgementInput input,
        CancellationToken ct = default) =>
        new Release(w).RunAsync(actor, "alert.emergency-send-judged", draftId, input.Rechecked,
            draft => Claim(actor, draft, input, ct), ct);

    /// <summary>How long before the send a distributor's judgement may have been given.</summary>
    public static readonly TimeSpan JudgementValidFor = TimeSpan.FromHours(24);

    private async Task<EmergencyClaim> Claim(Person actor, Draft draft, JudgementInput input, CancellationToken ct)
    {
        Refusal.Require(input.Means is JudgementMeans.Phone or JudgementMeans.InPerson, "Y9.4", "emergency.means",
            "情報配信者の判断を受けた方法（電話・対面）を選んでください。");
        // The 署長 is often phoned before the draft is written: any time of the last day counts, never a future one.
        Refusal.Require(input.JudgedAt is { } at && at <= w.Now && at >= w.Now - JudgementValidFor, "Y9.4",
            "emergency.judged-at", "判断を受けた日時を、現在までの24時間以内で入力してください。");
        Refusal.Require(input.JudgeId != actor.Id, "Y9.4", "emergency.self",
            "ご自身の判断で配信するときは「緊急配信（情報配信者の判断）」を使ってください。");
        var judge = await w.Db.Accounts.AsNoTracking()
            .Where(a => a.UserId == input.JudgeId && !a.Disabled).SingleOrDefaultAsync(ct);
        Refusal.Require(judge is not null, "Y9.4", "emergency.judge-unknown", "判断した情報配信者を選んでください。");
        return new EmergencyClaim(new EmergencyFact(judge!.ToPerson(), input.Conditions), input.Means,
            input.JudgedAt!.Value);
    }
}
