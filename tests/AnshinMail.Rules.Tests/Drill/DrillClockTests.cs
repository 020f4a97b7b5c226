using AnshinMail.Rules.Drill;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace AnshinMail.Rules.Tests.Drill;

/// <summary>訓練: the drill clock shows the drill's instant at its start and runs on at the real rate, so policy
/// time in a drill at 10 a.m. is the night the drill practises.</summary>
public sealed class DrillClockTests
{
    private static readonly DateTimeOffset Night = new(2026, 11, 30, 23, 30, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Y9_4_AtItsStart_TheClockShowsTheDrillsInstant_NotTheRealOne()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(9)));
        var clock = new DrillClock(Night, real);
        Assert.Equal(Night, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        Assert.False(TestBook.Engine.MomentOf(clock.GetUtcNow()).InsideSendingHours);
    }

    [Property]
    public void Y9_4_TheClockRunsOnAtTheRealRate(PositiveInt seconds)
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(9)));
        var clock = new DrillClock(Night, real);
        real.Advance(TimeSpan.FromSeconds(seconds.Get));
        Assert.Equal(Night + TimeSpan.FromSeconds(seconds.Get), clock.GetUtcNow());
        Assert.Equal(real.GetTimestamp(), clock.GetTimestamp());
    }

    [Fact]
    public void Y9_4_AtTheNextSixOClock_TheDrillsSendingHoursOpen()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(9)));
        var clock = new DrillClock(Night, real);
        real.Advance(TimeSpan.FromHours(6.5));
        Assert.True(TestBook.Engine.MomentOf(clock.GetUtcNow()).InsideSendingHours);
    }
}
