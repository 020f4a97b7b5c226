using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Nodes;

/// <summary>
/// Claims the next undone batch whose lease is free or expired, atomically across nodes: one small class per
/// provider, since the way to do it well differs (PostgreSQL skips rows other nodes hold; SQLite has one writer).
/// </summary>
internal abstract class BatchClaim
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static BatchClaim For(AnshinDbContext db) =>
        db.Database.ProviderName == Postgres ? new PostgresBatchClaim() : new SqliteBatchClaim();

    /// <summary>The claimed batch (of one of <paramref name="alerts"/>, in alert and batch order), or null.</summary>
    public abstract Task<ClaimedBatch?> NextAsync(AnshinDbContext db, IReadOnlyCollection<long> alerts, string node,
        DateTimeOffset now, DateTimeOffset until, CancellationToken ct);
}
