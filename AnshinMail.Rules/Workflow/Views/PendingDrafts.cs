using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>The drafts of a unit that are not yet released, newest first.</summary>
public sealed class PendingDrafts(WorkflowContext w)
{
    /// <summary>The unreleased drafts of unit <paramref name="unitId"/>, newest first.</summary>
    public Task<List<Draft>> RunAsync(string unitId, CancellationToken ct = default) =>
        w.Db.Drafts.AsNoTracking().Where(d => d.UnitId == unitId && d.Status != DraftStatus.Released)
            .OrderByDescending(d => d.Id)
            .ToListAsync(ct);
}
