using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Requests;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Sending;

/// <summary>Y9.4 ただし書き: the distributor's judgement as the send carries it: the fact the rules see, how it was
/// given and when.</summary>
internal sealed record EmergencyClaim(EmergencyFact Fact, JudgementMeans Means, DateTimeOffset JudgedAt);

/// <summary>Y9.3, Y9.4: the release every send shares: policy at the moment of sending, the alert, ledger and
/// requests.</summary>
internal sealed class Release(WorkflowContext w)
{
    public async Task<SendOutcome> RunAsync(
        Person actor, string action, long draftId, bool rechecked, Func<Draft, Task<EmergencyClaim>>? emergency,
        CancellationToken ct)
    {
        var outcome = await w.Run(actor, action, Refusal.Id(draftId),
            () => Commit(actor, draftId, rechecked, emergency, ct), null, ct);
        // Committed: wake the delivery worker for what goes out now (a held alert waits for its time).
        if (outcome.Timing != SendTiming.Hold) w.Signal?.Notify();
        return outcome;
    }

    private async Task<SendOutcome> Commit(Person actor, long draftId, bool rechecked,
        Func<Draft, Task<EmergencyClaim>>? claim, CancellationToken ct)
    {
        UnitAccess.RequireWriter(actor);
        Refusal.Require(rechecked, "Y9.3", "send.not-rechecked", "配信前に承認済みの内容を再確認し、確認欄にチェックしてください。");
        var draft = await w.LoadDraft(draftId, ct);
        w.Access.RequireOwnUnit(actor, draft.UnitId);
        var emergency = claim is null ? null : await claim(draft);
        var now = w.Now;
        draft.Release(now);
        var verdict = Refusal.Unless(await Evaluate(actor, draft, emergency?.Fact, ct));
        if (emergency is not null)
            Refusal.Require(verdict.Send?.Timing == SendTiming.Emergency, "Y9.4", "emergency.not-needed",
                "配信時間内です。緊急配信ではなく通常の配信を行ってください。");
        var send = verdict.Send ?? throw PolicyRefusedException.Because("Y9.4", "send.no-decision",
            "配信の時期を決められませんでした。承認と配信時間を確認してください。");
        var message = await w.Render(draft, ct);
        var alert = Alert.Release(draft, new AlertRelease(
            send.Timing, send.At, verdict.SendAreas, message.Subject, message.Body, actor.Id,
            emergency?.Fact.Conditions ?? new HashSet<string>(), w.Book.Category(draft.CategoryId).ResolutionTracked)
        {
            Drill = w.Drill.Active,
        }, now);
        w.Db.Alerts.Add(alert);
        await w.Db.SaveChangesAsync(ct);
        var ledger = new LedgerFiling(w);
        await ledger.OnReleaseAsync(draft, alert, Judgement(alert, emergency, actor), ct);
        if (draft.FollowUpOfAlertId is { } originalId)
        {
            var original = await w.LoadAlert(originalId, ct);
            // Y11.2: a resolution closes the original.
            if (draft.FollowUpKind == FollowUpKind.Resolution) original.Resolve(now);
            // Y9.3: what follows a stopped alert goes to those who got it, and to no one else.
            if (original.Status == AlertStatus.Stopped) alert.AudienceOfAlertId = original.Id;
            await ledger.OnFollowUpAsync(original, alert, ct);
        }
        var requests = await RequestFiling.OnRelease(w, actor, draft, alert, verdict, ct);
        await w.Db.SaveChangesAsync(ct);
        return new SendOutcome(alert.Id, send.Timing, send.At, requests.Select(r => r.Id).ToList());
    }

    /// <summary>Y9.4: who judged, how and when, recorded with the alert it released.</summary>
    private EmergencyJudgement? Judgement(Alert alert, EmergencyClaim? emergency, Person actor)
    {
        if (emergency is null) return null;
        var judgement = EmergencyJudgement.Record(alert, emergency.Fact, emergency.Means, emergency.JudgedAt, actor,
            w.Now);
        w.Db.EmergencyJudgements.Add(judgement);
        return judgement;
    }

    private async Task<PolicyVerdict> Evaluate(Person actor, Draft draft, EmergencyFact? emergency,
        CancellationToken ct)
    {
        var approval = await w.Db.Approvals.AsNoTracking().Where(a => a.DraftId == draft.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return w.Engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Send,
            At = w.Now,
            Actor = actor,
            Draft = w.FactOf(draft),
            Emergency = emergency,
            Approval = approval is null ? null : await ApprovalFactOf(approval, ct),
            FollowUp = await w.FollowUpOf(draft, ct),
        });
    }

    private async Task<ApprovalFact> ApprovalFactOf(Approval a, CancellationToken ct)
    {
        var roles = await w.Db.Accounts.AsNoTracking().Where(x => x.UserId == a.ApproverId)
            .Select(x => x.Roles).SingleOrDefaultAsync(ct) ?? [];
        return new ApprovalFact
        {
            Approver = new Person(a.ApproverId, a.ApproverUnitId, roles.ToHashSet()),
            DistributorAbsent = a.DistributorAbsent,
            Confirmations = a.Confirmations.ToHashSet(),
            ContentHash = a.ContentHash,
        };
    }
}
