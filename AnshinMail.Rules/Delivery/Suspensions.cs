using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Delivery;

/// <summary>T5: permanent failures counted per subscriber, for the runner and the bounce recorder alike.</summary>
internal static class Suspensions
{
    /// <summary>One more permanent failure for each of these subscribers; at the limit a subscriber is
    /// suspended.</summary>
    internal static async Task CountPermanentFailuresAsync(AnshinDbContext db, IReadOnlyCollection<long> subscriberIds,
        int limit)
    {
        if (subscriberIds.Count == 0) return;
        await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.PermanentFailures, x => x.PermanentFailures + 1)
            .SetProperty(x => x.Suspended, x => x.Suspended || x.PermanentFailures + 1 >= limit),
            CancellationToken.None);
    }
}
