using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages;

/// <summary>ホーム: what my unit has to do now.</summary>
public sealed class IndexModel(WorkflowContext workflow, AnshinDbContext db, PolicyBook book, TimeProvider clock)
    : StaffPageModel
{
    public PolicyBook Book => book;
    public List<Draft> Drafts { get; private set; } = [];
    public List<DeliveryProgress> Sending { get; private set; } = [];
    public List<Alert> Recent { get; private set; } = [];
    public List<Alert> Open { get; private set; } = [];
    public List<PostReport> Reports { get; private set; } = [];
    public List<UnitRequest> Requests { get; private set; } = [];
    /// <summary>What each request is about, as the desk reads it at night: the alert's subject or the requested
    /// draft's headline.</summary>
    public static string About(UnitRequest r) => r.Subject ?? r.Draft()?.Fields.Headline ?? "";
    /// <summary>Y9.4: emergencies sent on the distributor's judgement, awaiting their confirmation.</summary>
    public List<EmergencyJudgement> Emergencies { get; private set; } = [];
    /// <summary>Y12.3(2): abnormality reports not yet taken up, for the security manager.</summary>
    public List<AbnormalityReport> Abnormalities { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync()
    {
        var unit = Me.UnitId;
        Drafts = await new PendingDrafts(workflow).RunAsync(unit);
        var sendingIds = await db.Alerts.AsNoTracking()
            .Where(a => a.UnitId == unit && (a.Status == AlertStatus.Scheduled || a.Status == AlertStatus.Sending))
            .Select(a => a.Id).ToListAsync();
        foreach (var id in sendingIds)
            if (await DeliveryProgress.OfAsync(db, id, clock) is { } p) Sending.Add(p);
        Recent = await db.Alerts.AsNoTracking().Where(a => a.UnitId == unit || a.RequestingUnitId == unit)
            .OrderByDescending(a => a.Id).Take(10).ToListAsync();
        Open = await new OpenAlerts(workflow).RunAsync(unit);
        Reports = await new OpenPostReports(workflow).RunAsync(unit);
        Requests = await new IncomingRequests(workflow).RunAsync(unit);
        Emergencies = await new OpenEmergencyConfirmations(workflow).RunAsync(unit);
        if (workflow.Access.MayReadAbnormalities(Me))
            Abnormalities = (await new AbnormalityReports(workflow).RunAsync(Me))
                .Where(r => r.AcknowledgedAt is null).Take(20).ToList();
        await LoadNames(db);
        // Live progress without script: while something of the unit is being sent, the page refreshes itself.
        if (Sending.Any(p => p.Status == AlertStatus.Sending)) Response.Headers["Refresh"] = "5";
    }
}
