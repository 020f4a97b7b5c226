using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Requests;

/// <summary>
/// T4(2) 「情報配信を実施した際は」: the Yahoo!防災速報 relay is asked for once the alert has gone out (at release, or
/// when a held alert starts at its time; never for one cancelled before it), once per incident: a resolution or
/// correction that goes out updates the incident's request (handled again if it was done) instead of a new one.
/// </summary>
internal static class YahooRelayFiling
{
    public static async Task<UnitRequest?> OnWentOut(AnshinDbContext db, Alert alert, DateTimeOffset now,
        CancellationToken ct)
    {
        // 訓練: the relay would publish the drill to the world; a drill never asks for it.
        if (alert.YahooRelayTo is not { } relay || !alert.WentOut || alert.Drill) return null;
        var incident = alert.FollowUpOfAlertId ?? alert.Id;
        var existing = await db.Requests.Where(r => r.Kind == RequestKind.YahooRelay && r.AlertId == incident
                && r.Status != RequestStatus.Withdrawn)
            .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            existing.RelayUpdate(alert.Subject, alert.Body, now);
            return existing;
        }
        var by = new Person(alert.SentBy, alert.UnitId, new HashSet<Role>());
        var request = UnitRequest.File(RequestKind.YahooRelay, by, relay, incident, alert.Areas, null, now);
        (request.Subject, request.Body) = (alert.Subject, alert.Body);
        db.Requests.Add(request);
        return request;
    }
}
