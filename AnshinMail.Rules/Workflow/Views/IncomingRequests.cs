using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>T3(2), T4(2): requests addressed to a unit that are still open, oldest first.</summary>
public sealed class IncomingRequests(WorkflowContext w)
{
    /// <summary>The open requests to unit <paramref name="unitId"/>, oldest first.</summary>
    public Task<List<UnitRequest>> RunAsync(string unitId, CancellationToken ct = default) =>
        w.Db.Requests.AsNoTracking().Where(r => r.ToUnitId == unitId && r.Status == RequestStatus.Open)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
}
