using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace AnshinMail.Rules.Accounts;

/// <summary>Y7.1: what a live session must match: its account's stamp, and whether its password expired.</summary>
public sealed record SessionState(string SecurityStamp, bool PasswordExpired);

/// <summary>
/// The session check of every request, cached per account for at most <see cref="MaxAge"/> (by the
/// injected clock), and forgotten at once when a stamp rotates in this process. Another process's rotation
/// reaches this one within <see cref="MaxAge"/>.
/// </summary>
public sealed class SessionStates(TimeProvider clock) : IDisposable
{
    /// <summary>How long a session check is cached per account before the database is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { Clock = new CacheClock(clock) });
    // Bumped by every rotation: a check that read the database before it must not cache what it read.
    private long _generation;

    /// <summary>The session state of <paramref name="userId"/>: from the cache while fresh, else from <paramref
    /// name="load"/>.</summary>
    public async Task<SessionState?> GetAsync(string userId, Func<Task<SessionState?>> load)
    {
        if (_cache.TryGetValue(userId, out SessionState? known)) return known;
        var generation = Interlocked.Read(ref _generation);
        var state = await load();
        if (Interlocked.Read(ref _generation) == generation) _cache.Set(userId, state, MaxAge);
        return state;
    }

    /// <summary>Called after the account's security stamp rotated (sign-out, password, disabling, roles).</summary>
    public void Forget(string userId)
    {
        Interlocked.Increment(ref _generation);
        _cache.Remove(userId);
    }

    /// <summary>Releases the cache.</summary>
    public void Dispose() => _cache.Dispose();

    private sealed class CacheClock(TimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
