using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>Y9.4: emergencies a unit's staff sent on the distributor's judgement, not yet confirmed.</summary>
public sealed class OpenEmergencyConfirmations(WorkflowContext w)
{
    /// <summary>The unconfirmed emergency judgements of unit <paramref name="unitId"/>, oldest first.</summary>
    public async Task<List<EmergencyJudgement>> RunAsync(string unitId, CancellationToken ct = default) =>
        (await w.Db.EmergencyJudgements.AsNoTracking()
            .Where(j => j.UnitId == unitId && j.ConfirmedAt == null && j.Means != JudgementMeans.Self)
            .ToListAsync(ct)).OrderBy(j => j.Id).ToList();
}
