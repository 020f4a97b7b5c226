using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow;

/// <summary>
/// The one wrapper every operation runs through: one transaction; an audit event (who, unit, what, when,
/// outcome) also when the policy refuses, written after the rollback; the refusal then reaches the caller.
/// What staff are to be told of is written in the same transaction (<see cref="Notices.NoticeOutbox"/>) and
/// mailed after the commit; a notice that cannot be sent never undoes the operation.
/// </summary>
internal static class WorkflowRun
{
    public static async Task<T> Run<T>(
        this WorkflowContext w, Person actor, string action, string? target, Func<Task<T>> work,
        Func<T, string?>? describe, CancellationToken ct)
    {
        var db = w.Db;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        using var outbox = Notices.NoticeOutbox.Watch(db);
        try
        {
            var result = await work();
            w.Audit.Record(actor, action, target ?? describe?.Invoke(result), "ok");
            await db.SaveChangesAsync(ct);
            var notices = outbox.Append(w.Now);
            if (notices.Count > 0) await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // Committed: the mail goes now, whatever becomes of the request (a relay fault is only recorded).
            if (notices.Count > 0 && w.Notices is { } mailer)
                await mailer.SendAsync(db, notices, CancellationToken.None);
            return result;
        }
        catch (PolicyRefusedException refused)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            w.Audit.Record(actor, action, target, "refused", Detail(refused));
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    /// <summary>Y12: why it was refused, as the security manager reads it: each block's Japanese message with its
    /// code (the stable key), bounded to the column.</summary>
    private static string Detail(PolicyRefusedException refused)
    {
        var detail = string.Join("／", refused.Findings.Where(f => f.Severity == Severity.Block)
            .Select(f => $"{f.Message}（{f.Code}）"));
        return detail.Length <= 2000 ? detail : detail[..2000];
    }
}
