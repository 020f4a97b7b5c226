using AnshinMail.Rules.Drill;
using FsCheck;
using FsCheck.Xunit;

namespace AnshinMail.Rules.Tests.Drill;

/// <summary>訓練: the drill's settings are read strictly (a drill at the wrong hour is no drill), and its mark is put
/// in front of every subject exactly once.</summary>
public sealed class DrillModeTests
{
    [Fact]
    public void Y9_4_NoSettings_IsARealRun()
    {
        var mode = DrillMode.Parse(null, []);
        Assert.False(mode.Active);
        Assert.Equal("件名", mode.Mark("件名"));
    }

    [Theory]
    [InlineData("2026-11-28T23:30+09:00", "2026-11-28T14:30:00Z")]
    [InlineData("2026-11-28T23:30:15+09:00", "2026-11-28T14:30:15Z")]
    [InlineData("2026-11-28T14:30Z", "2026-11-28T14:30:00Z")]
    public void Y9_4_TheStart_IsAnInstantWithItsOffset(string start, string utc)
    {
        var mode = DrillMode.Parse(start, []);
        Assert.True(mode.Active);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), mode.Start);
    }

    [Theory]
    [InlineData("2026-11-28T23:30")] // no offset: would be read in the server's zone
    [InlineData("2026-11-28 23:30+09:00")]
    [InlineData("23:30")]
    [InlineData("2026-13-28T23:30+09:00")]
    [InlineData("あした")]
    public void Y9_4_AMalformedStart_IsRefusedInJapanese(string start)
    {
        var e = Assert.Throws<DrillConfigurationException>(() => DrillMode.Parse(start, []));
        Assert.Contains("AnshinMail:Drill:Start", e.Message);
        Assert.Contains("時差付きの日時", e.Message);
    }

    /// <summary>A start that is set but blank (a script's empty variable) refuses to start: it must not turn into a
    /// live run.</summary>
    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Y9_4_ABlankStart_IsRefused_NotALiveRun(string start)
    {
        var e = Assert.Throws<DrillConfigurationException>(() => DrillMode.Parse(start, []));
        Assert.Contains("空白", e.Message);
    }

    [Theory]
    [InlineData("example.jp")]
    [InlineData("taro@")]
    [InlineData("@localhost")]
    public void Y7_4_AMalformedAllowedRecipient_IsRefusedInJapanese(string entry)
    {
        var e = Assert.Throws<DrillConfigurationException>(() => DrillMode.Parse("2026-11-28T23:30+09:00", [entry]));
        Assert.Contains(entry, e.Message);
        Assert.Contains("@ドメイン", e.Message);
    }

    [Fact]
    public void Y7_4_AllowedRecipientsWithoutAStart_AreRefused() =>
        Assert.Throws<DrillConfigurationException>(() => DrillMode.Parse("", ["@police.example.jp"]));

    [Theory]
    [InlineData("duty@police.example.jp", true)]
    [InlineData("Duty@Police.Example.JP", true)]
    [InlineData("kunren@example.jp", true)]
    [InlineData("other@example.jp", false)]
    [InlineData("x@sub.police.example.jp", false)] // a domain entry names that domain, not its subdomains
    [InlineData("x@evilpolice.example.jp", false)]
    [InlineData("police.example.jp", false)]
    public void Y7_4_AllowedRecipients_AreExactAddressesOrWholeDomains(string address, bool allowed)
    {
        var mode = DrillMode.Parse("2026-11-28T23:30+09:00", ["@police.example.jp, kunren@example.jp"]);
        Assert.Equal(allowed, mode.Allows(address));
    }

    [Property]
    public void Y7_4_EveryDrillSubject_StartsWithTheMarkOnce(NonNull<string> subject)
    {
        var mode = DrillMode.Parse("2026-11-28T23:30+09:00", []);
        var marked = mode.Mark(subject.Get);
        Assert.StartsWith(DrillMode.SubjectMark, marked);
        Assert.Equal(marked, mode.Mark(marked));
        Assert.EndsWith(subject.Get, marked);
    }
}
