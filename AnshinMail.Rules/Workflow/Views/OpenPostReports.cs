using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>Y9.2: after-the-fact reports of a unit not yet acknowledged.</summary>
public sealed class OpenPostReports(WorkflowContext w)
{
    /// <summary>The unacknowledged after-the-fact reports of unit <paramref name="unitId"/>, oldest first.</summary>
    public Task<List<PostReport>> RunAsync(string unitId, CancellationToken ct = default) =>
        w.Db.PostReports.AsNoTracking().Where(r => r.UnitId == unitId && r.AcknowledgedAt == null).OrderBy(r => r.Id)
            .ToListAsync(ct);
}
