using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>
/// Y9.2: the regime under which this person's approval would count now (the distributor approves as 情報配信者
/// even during the duty system); <see cref="Regime"/> is null when none would. <see cref="DeclaringAbsence"/>: it
/// counts only when the person states the distributor is absent (the PR officer).
/// </summary>
public sealed record ApproverStanding(ApprovalRegime? Regime, bool DeclaringAbsence)
{
    /// <summary>Asks the rules as the approval itself will (stage Approve, this person, now); the confirmations are
    /// taken as given, since they are asked on the form.</summary>
    public static async Task<ApproverStanding> OfAsync(WorkflowContext w, Person actor, Draft draft,
        CancellationToken ct)
    {
        var asIs = await Decide(w, actor, draft, false, ct);
        if (asIs is not null || !actor.Has(Role.PrOfficer)) return new(asIs, false);
        var absent = await Decide(w, actor, draft, true, ct);
        return new(absent, absent is not null);
    }

    private static async Task<ApprovalRegime?> Decide(WorkflowContext w, Person actor, Draft draft,
        bool distributorAbsent, CancellationToken ct)
    {
        var fact = w.FactOf(draft);
        var verdict = w.Engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Approve,
            At = w.Now,
            Actor = actor,
            Draft = fact,
            Approval = new ApprovalFact
            {
                Approver = actor,
                DistributorAbsent = distributorAbsent,
                Confirmations = w.Book.PrivacyConfirmations.Select(c => c.Id).ToHashSet(),
                ContentHash = fact.ContentHash,
            },
            FollowUp = await w.FollowUpOf(draft, ct),
        });
        return verdict.Approver?.Regime;
    }
}
