using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Subscribers;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Tests.Delivery;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Tests.Nodes;

/// <summary>
/// T5 空メール登録 on several nodes: the replies per address and hour are counted in the database, so two nodes
/// share one limit — also when mails from one address reach both nodes at the same moment.
/// </summary>
public sealed class EmptyMailReplyLimitTests : IDisposable
{
    private readonly WorkflowFixture _f = new();
    private readonly RecordingTransport _sent = new();

    public void Dispose() => _f.Dispose();

    private EmptyMailRegistration Node(AnshinMail.Rules.Storage.AnshinDbContext db)
    {
        var options = new DeliveryOptions { PublicBaseUrl = "https://anshin.example.jp" };
        var mailer = new NoticeMailer(_sent, new AlertMessageFactory(_f.Book.Book, options),
            new NoticeRenderer(_f.Book.Book), _f.Clock);
        return new EmptyMailRegistration(db, _f.Book.Book, mailer, options, _f.Clock);
    }

    private int RepliesTo(string address) =>
        _sent.Handed.Count(m => m.To.Mailboxes.Any(x => x.Address == address));

    [Fact]
    public async Task T5_TwoNodesShareTheLimit_InTurns_AndAnHourLaterTheAddressIsAnsweredAgain()
    {
        await using var a = _f.Open();
        await using var b = _f.Open();
        Assert.True(await Node(a).ReplyWithinAsync("taro@example.jp", 3, default));
        Assert.True(await Node(b).ReplyWithinAsync("taro@example.jp", 3, default));
        Assert.True(await Node(a).ReplyWithinAsync("taro@example.jp", 3, default));
        Assert.False(await Node(b).ReplyWithinAsync("taro@example.jp", 3, default));
        Assert.False(await Node(a).ReplyWithinAsync("taro@example.jp", 3, default));
        Assert.Equal(3, RepliesTo("taro@example.jp"));
        Assert.True(await Node(b).ReplyWithinAsync("hanako@example.jp", 3, default)); // another address
        await using (var db = _f.Open()) // nothing kept of the refused ones
            Assert.Equal(3, await db.RegistrationLinks.CountAsync(l => l.Email == "taro@example.jp"));

        _f.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True(await Node(b).ReplyWithinAsync("taro@example.jp", 3, default));
        Assert.Equal(4, RepliesTo("taro@example.jp"));
    }

    [Fact]
    public async Task T5_MailsFromOneAddressRacingOnManyNodes_NeverGetMoreThanTheLimit()
    {
        var contexts = Enumerable.Range(0, 8).Select(_ => _f.Open()).ToList();
        try
        {
            var answered = await Task.WhenAll(contexts.Select(db => Node(db).ReplyWithinAsync("jiro@example.jp", 3, default)));
            Assert.InRange(answered.Count(x => x), 0, 3); // never more; a close race may refuse them all
            Assert.Equal(answered.Count(x => x), RepliesTo("jiro@example.jp"));
            await using var check = _f.Open();
            Assert.Equal(answered.Count(x => x), await check.RegistrationLinks.CountAsync(l => l.Email == "jiro@example.jp"));
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }
}
