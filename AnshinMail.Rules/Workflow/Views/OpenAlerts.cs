using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>Y11.2: sent incident alerts that still owe a resolution, oldest first (optionally of one unit).</summary>
public sealed class OpenAlerts(WorkflowContext w)
{
    /// <summary>Alerts owing a resolution, oldest first; only those of unit <paramref name="unitId"/> when
    /// given.</summary>
    public Task<List<Alert>> RunAsync(string? unitId = null, CancellationToken ct = default) =>
        w.Db.Alerts.AsNoTracking()
            .Where(a => a.ResolutionOwed && a.ResolvedAt == null && a.ClosedAt == null && a.WithdrawnAt == null
                && (a.Status == AlertStatus.Sending || a.Status == AlertStatus.Sent
                    || (a.Status == AlertStatus.Stopped && a.Delivered > 0))
                && (unitId == null || a.UnitId == unitId || a.RequestingUnitId == unitId))
            .OrderBy(a => a.Id).ToListAsync(ct);
}
