using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>Y7.2: a sent or scheduled alert, for its unit, the requesting unit and the security manager.</summary>
public sealed class ViewAlert(WorkflowContext w)
{
    public async Task<Alert> RunAsync(Person actor, long alertId, CancellationToken ct = default)
    {
        var alert = await w.Db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, ct)
            ?? throw PolicyRefusedException.Because("Y11.3", "alert.unknown", $"配信情報 {alertId} はありません。");
        w.Access.RequireReader(actor, alert.UnitId, alert.RequestingUnitId, "配信情報");
        return alert;
    }
}
