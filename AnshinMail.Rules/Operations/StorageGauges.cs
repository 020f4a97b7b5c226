using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Operations;

/// <summary>
/// What the gauges report, read from storage at most once per <see cref="CacheFor"/> (scrapes from several
/// monitors cost one query), so every node reports the same figures.
/// </summary>
public sealed class StorageGauges(Func<AnshinDbContext> contexts, TimeProvider clock)
{
    /// <summary>How long a reading is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private Reading? _last;
    private DateTimeOffset _readAt;

    /// <summary>The figures of one reading.</summary>
    public sealed record Reading(long AlertsSending, long UnsentBatches, double OldestUnsentSeconds, long HeldWaiting);

    /// <summary>The cached reading, or a fresh one when it is older than <see cref="CacheFor"/>.</summary>
    public Reading Read()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_last is null || now - _readAt >= CacheFor || now < _readAt)
            {
                _last = ReadNow(now);
                _readAt = now;
            }
            return _last;
        }
    }

    private Reading ReadNow(DateTimeOffset now)
    {
        using var db = contexts();
        var sending = db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Sending);
        var unsent = db.DeliveryBatches.AsNoTracking()
            .Where(b => !b.Done && sending.Any(a => a.Id == b.AlertId));
        var oldest = sending.Where(a => a.StartedAt != null && unsent.Any(b => b.AlertId == a.Id))
            .Select(a => a.StartedAt).OrderBy(t => t).FirstOrDefault();
        return new Reading(sending.LongCount(), unsent.LongCount(),
            oldest is { } started ? Math.Max(0, (now - started).TotalSeconds) : 0,
            db.HeldMessages.AsNoTracking().LongCount());
    }
}
