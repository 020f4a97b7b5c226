using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// Bounces that come back after the relay said 250: each message goes out with its own VERP envelope sender,
/// and a delivery status report to it counts as a permanent failure of that subscriber.
/// </summary>
public sealed class BounceTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static DeliveryOptions Smtp(TestSmtpServer server, string? bounce) => new()
    {
        Transport = "smtp", Host = "127.0.0.1", Port = server.Port, BatchSize = 10, Connections = 1, BounceAddress = bounce,
        SuspendAfterPermanentFailures = 2,
    };

    private async Task<List<Subscriber>> Subscribers(int count)
    {
        await using var db = _f.Open();
        var list = Enumerable.Range(0, count).Select(i => _f.Subscribe(db, $"b{i}@example.jp")).ToList();
        await db.SaveChangesAsync();
        return list;
    }

    [Fact]
    public async Task EachMessageHasItsOwnUnguessableEnvelopeSender_OnlyWhenABounceMailboxIsSet()
    {
        var subscribers = await Subscribers(3);
        await using var smtp = new TestSmtpServer().Start();
        var first = await _f.SentAlert();
        await _f.Runner(MailTransports.Create(Smtp(smtp, "bounce@example.jp")), Smtp(smtp, "bounce@example.jp")).RunOnceAsync();
        var expected = subscribers.Select(s => $"bounce+{first.AlertId}.{s.Id}.{BounceAddresses.Tag(s.Token)}@example.jp").Order();
        Assert.Equal(expected, smtp.EnvelopeFrom.Order());
        Assert.All(smtp.Accepted, m => Assert.Equal(TestBook.Book.Sender.Address, m.From.Mailboxes.Single().Address));

        smtp.EnvelopeFrom.Clear();
        await _f.SentAlert();
        await _f.Runner(MailTransports.Create(Smtp(smtp, null)), Smtp(smtp, null)).RunOnceAsync();
        Assert.All(smtp.EnvelopeFrom, from => Assert.Equal(TestBook.Book.Sender.Address, from));
    }

    [Fact]
    public async Task PermanentBounceIsRecordedOnce_RepeatedBouncesSuspend_DelaysAndForgeriesChangeNothing()
    {
        var subscriber = (await Subscribers(1)).Single();
        var options = new DeliveryOptions { BounceAddress = "bounce@example.jp", SuspendAfterPermanentFailures = 2 };
        var factory = new AlertMessageFactory(TestBook.Book, options);
        var first = await _f.SentAlert();
        var second = await _f.SentAlert();
        string Verp(long alert) => factory.Bounces.For(alert, subscriber)!.Address;

        Assert.False(await Record(factory, options, Verp(first.AlertId), BounceReports.Report("delayed", "4.4.1", "smtp; 451 4.4.1 try later")));
        Assert.False(await Record(factory, options, Verp(first.AlertId).Replace(BounceAddresses.Tag(subscriber.Token), "0123456789ab"), BounceReports.Report()));
        Assert.False(await Record(factory, options, $"someone@example.jp", BounceReports.Report()));
        Assert.Equal(0, (await Reload(subscriber)).PermanentFailures);

        Assert.True(await Record(factory, options, Verp(first.AlertId), BounceReports.Report()));
        Assert.False(await Record(factory, options, Verp(first.AlertId), BounceReports.Report())); // the same report again
        var once = await Reload(subscriber);
        Assert.Equal((1, false), (once.PermanentFailures, once.Suspended));
        await using (var db = _f.Open())
        {
            var failure = await db.DeliveryFailures.SingleAsync(f => f.SubscriberId == subscriber.Id);
            Assert.Equal((first.AlertId, 550, true), (failure.AlertId, failure.Code, failure.Permanent));
            Assert.Contains("5.1.1", failure.Reply);
        }

        Assert.True(await Record(factory, options, Verp(second.AlertId), BounceReports.Report()));
        var twice = await Reload(subscriber);
        Assert.Equal((2, true), (twice.PermanentFailures, twice.Suspended));
    }

    private async Task<bool> Record(AlertMessageFactory factory, DeliveryOptions options, string recipient, MimeMessage report)
    {
        await using var db = _f.Open();
        return await new BounceRecorder(db, factory, options, _f.Clock).RecordAsync(recipient, report);
    }

    private async Task<Subscriber> Reload(Subscriber s)
    {
        await using var db = _f.Open();
        return await db.Subscribers.AsNoTracking().SingleAsync(x => x.Id == s.Id);
    }
}
