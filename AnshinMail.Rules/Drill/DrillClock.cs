namespace AnshinMail.Rules.Drill;

/// <summary>
/// 訓練: the installation's clock in a drill. It shows the drill's start when it is created (at the app's start)
/// and runs on at the real rate from there, so durations (timeouts, retries, the hold until 06:00) are as long as
/// in a real run; only the instant differs. Timers and timestamps are the real clock's.
/// </summary>
public sealed class DrillClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _start;
    private readonly long _startedAt;

    /// <summary>A drill clock showing <paramref name="start"/> now, running on <paramref name="real"/>
    /// (the system clock by default).</summary>
    public DrillClock(DateTimeOffset start, TimeProvider? real = null)
    {
        _real = real ?? System;
        _start = start.ToUniversalTime();
        _startedAt = _real.GetTimestamp();
    }

    /// <summary>The real clock the drill clock runs on (leases are compared across nodes on it).</summary>
    internal TimeProvider Real => _real;

    /// <summary>The drill's start plus the real time elapsed since the clock was created.</summary>
    public override DateTimeOffset GetUtcNow() => _start + _real.GetElapsedTime(_startedAt);

    /// <summary>The real clock's timestamp: elapsed times are real.</summary>
    public override long GetTimestamp() => _real.GetTimestamp();

    /// <summary>The real clock's timestamp frequency.</summary>
    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <summary>The real clock's zone (policy time is read in the book's zone anyway).</summary>
    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>A real timer: a drill waits as long as a real run.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, dueTime, period);
}
