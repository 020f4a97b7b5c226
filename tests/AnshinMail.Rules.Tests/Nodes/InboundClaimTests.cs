using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Subscribers;
using AnshinMail.Rules.Tests.Workflow;
using MimeKit;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>T5 空メール登録 on several nodes: a mail handed to two nodes is taken by one.</summary>
public sealed class InboundClaimTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static MimeMessage Mail(string? messageId)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse("taro@example.jp"));
        m.To.Add(MailboxAddress.Parse("touroku@example.jp"));
        m.Date = new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.FromHours(9));
        m.Body = new TextPart("plain") { Text = "" };
        if (messageId is null) m.Headers.Remove(HeaderId.MessageId);
        else m.MessageId = messageId;
        return m;
    }

    [Fact]
    public async Task T5_TheSameMailOnTwoNodes_IsTakenOnce_AnotherMailIsTaken()
    {
        await using var a = _f.Open();
        await using var b = _f.Open();
        var onA = new InboundClaims(a, new NodeOptions { Id = "node-a" }, _f.Clock);
        var onB = new InboundClaims(b, new NodeOptions { Id = "node-b" }, _f.Clock);
        var key = InboundClaims.KeyOf(Mail("one@mta.example.jp"));
        Assert.Equal("mid:one@mta.example.jp", key);
        var both = await Task.WhenAll(onA.TakeAsync(key, default), onB.TakeAsync(key, default));
        Assert.Single(both, taken => taken);
        Assert.True(await onB.TakeAsync(InboundClaims.KeyOf(Mail("two@mta.example.jp")), default));

        // Without a Message-ID the bytes decide: the same mail again is the same key.
        var bare = InboundClaims.KeyOf(Mail(null));
        Assert.StartsWith("sha256:", bare);
        Assert.Equal(bare, InboundClaims.KeyOf(Mail(null)));
        Assert.True(await onA.TakeAsync(bare, default));
        Assert.False(await onB.TakeAsync(bare, default));

        // A failed handling is forgotten, so that the MTA's retry is handled; a week later the key is gone anyway.
        await onA.ForgetAsync(bare);
        Assert.True(await onB.TakeAsync(bare, default));
        _f.Clock.Advance(InboundClaims.Remember + TimeSpan.FromMinutes(1));
        Assert.True(await onA.TakeAsync(key, default));
    }
}
