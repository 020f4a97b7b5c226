using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Delivery;

/// <summary>Y9.3: the last line of defence: an alert goes to SMTP only if its draft was approved with exactly its
/// content.</summary>
internal static class ApprovalGuard
{
    public static async Task<bool> CoversAsync(AnshinDbContext db, Alert alert, CancellationToken ct)
    {
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == alert.DraftId, ct);
        if (draft is null || draft.Status != DraftStatus.Released) return false;
        var hash = draft.ComputeHash();
        return hash == draft.ContentHash
            && await db.Approvals.AnyAsync(a => a.DraftId == draft.Id && a.ContentHash == hash, ct);
    }
}
