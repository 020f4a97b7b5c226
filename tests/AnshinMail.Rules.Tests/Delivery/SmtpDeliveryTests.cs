using System.Security.Cryptography;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>Delivery against a real SMTP server on loopback: headers, replies, relay down and up, crash and resume.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task Subscribers(int count, string prefix = "r")
    {
        await using var db = _f.Open();
        for (var i = 0; i < count; i++) _f.Subscribe(db, $"{prefix}{i:00000}@example.jp");
        await db.SaveChangesAsync();
    }

    private static DeliveryOptions Smtp(TestSmtpServer server, int batch = 10, int connections = 2) => new()
    {
        Transport = "smtp", Host = "127.0.0.1", Port = server.Port, BatchSize = batch, Connections = connections,
        RetryDelay = TimeSpan.FromMilliseconds(5), TransientRetries = 2, SuspendAfterPermanentFailures = 2,
    };

    private async Task<Alert> Alert(long id)
    {
        await using var db = _f.Open();
        return await db.Alerts.SingleAsync(a => a.Id == id);
    }

    public static TheoryData<string> Books => BookCases.Both;

    /// <summary>T5 in each book of rules/: the sender, list id and subject are the book's.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task EachMessageHasOneRecipientAndTheListHeaders(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var book = f.Book.Book;
        await using (var seed = f.Open())
        {
            for (var i = 0; i < 3; i++) f.Subscribe(seed, $"r{i:00000}@example.jp");
            await seed.SaveChangesAsync();
        }
        await using var smtp = new TestSmtpServer().Start();
        var sent = await f.SentAlert();
        await f.Runner(MailTransports.Create(Smtp(smtp)), Smtp(smtp)).RunOnceAsync();
        Assert.Equal(3, smtp.Accepted.Count);
        await using var db = f.Open();
        var subject = (await db.Alerts.SingleAsync(a => a.Id == sent.AlertId)).Subject;
        foreach (var m in smtp.Accepted)
        {
            var to = Assert.Single(m.To.Mailboxes);
            Assert.Empty(m.Cc);
            var subscriber = await db.Subscribers.SingleAsync(s => s.Email == to.Address);
            Assert.Equal($"alert-{sent.AlertId}.{subscriber.Id}@{book.SenderDomain}", m.MessageId);
            Assert.Equal(book.Sender.Address, m.From.Mailboxes.Single().Address);
            Assert.Contains(book.Sender.ListId, m.Headers["List-Id"]);
            Assert.Contains($"/unsubscribe/{subscriber.Token}>", m.Headers["List-Unsubscribe"]);
            Assert.Contains("<mailto:", m.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"]);
            Assert.Equal("auto-generated", m.Headers["Auto-Submitted"]);
            Assert.Equal(subject, m.Subject);
            Assert.Contains(f.Book.ChildCategory.Name, m.Subject);
            var body = Assert.IsType<TextPart>(m.Body);
            Assert.Equal("utf-8", body.ContentType.Charset);
            Assert.Contains("下校中の女子児童", body.Text);
            Assert.Contains(subscriber.Token, body.Text);
        }
    }

    [Fact]
    public async Task T5_Nagano_SubjectOpensWithTheTemplatesBracket()
    {
        await Subscribers(1);
        await using var smtp = new TestSmtpServer().Start();
        await _f.SentAlert();
        await _f.Runner(MailTransports.Create(Smtp(smtp)), Smtp(smtp)).RunOnceAsync();
        Assert.StartsWith("【", Assert.Single(smtp.Accepted).Subject);
    }

    [Fact]
    public async Task Iso2022JpByConfiguration()
    {
        await Subscribers(1);
        await using var smtp = new TestSmtpServer().Start();
        await _f.SentAlert();
        var options = Smtp(smtp) with { Charset = "iso-2022-jp" };
        await _f.Runner(MailTransports.Create(options), options).RunOnceAsync();
        var m = Assert.Single(smtp.Accepted);
        var body = Assert.IsType<TextPart>(m.Body);
        Assert.Equal("iso-2022-jp", body.ContentType.Charset, ignoreCase: true);
        Assert.Contains("下校中の女子児童", body.Text);
        Assert.Contains("声かけ", m.Subject);
    }

    [Fact]
    public async Task PermanentRefusalIsRecordedAndRepeatedRefusalsSuspend()
    {
        await Subscribers(3);
        await using var smtp = new TestSmtpServer().Start();
        smtp.RefuseAlways["r00001@example.jp"] = 550;
        var options = Smtp(smtp);
        var runner = _f.Runner(MailTransports.Create(options), options);
        var first = await _f.SentAlert();
        await runner.RunOnceAsync();
        var alert = await Alert(first.AlertId);
        Assert.Equal((2, 1, AlertStatus.Sent), (alert.Delivered, alert.Failed, alert.Status));
        await using (var db = _f.Open())
        {
            var failure = await db.DeliveryFailures.SingleAsync();
            Assert.Equal((550, true, "r00001@example.jp"), (failure.Code, failure.Permanent, failure.Email));
            Assert.False((await db.Subscribers.SingleAsync(s => s.Email == "r00001@example.jp")).Suspended);
        }
        await _f.SentAlert();
        await runner.RunOnceAsync();
        await using (var db = _f.Open())
            Assert.True((await db.Subscribers.SingleAsync(s => s.Email == "r00001@example.jp")).Suspended);
        await _f.SentAlert();
        await runner.RunOnceAsync();
        Assert.Equal(6, smtp.Accepted.Count); // the suspended address is no longer tried
    }

    [Fact]
    public async Task TransientRefusalIsRetriedThenAccepted()
    {
        await Subscribers(2);
        await using var smtp = new TestSmtpServer().Start();
        smtp.DeferTimes["r00000@example.jp"] = 2;
        smtp.DeferTimes["r00001@example.jp"] = 10;
        var options = Smtp(smtp);
        var sent = await _f.SentAlert();
        await _f.Runner(MailTransports.Create(options), options).RunOnceAsync();
        var alert = await Alert(sent.AlertId);
        Assert.Equal((1, 1), (alert.Delivered, alert.Failed));
        Assert.Equal("r00000@example.jp", smtp.Accepted.Single().To.Mailboxes.Single().Address);
        await using var db = _f.Open();
        var failure = await db.DeliveryFailures.SingleAsync();
        Assert.Equal((451, false), (failure.Code, failure.Permanent));
    }

    [Fact]
    public async Task RelayDownThenUp_NothingMarkedSentWhileDown_AllDeliveredAfter()
    {
        await Subscribers(25);
        var smtp = new TestSmtpServer(); // not started: connection refused
        var options = Smtp(smtp);
        var runner = _f.Runner(MailTransports.Create(options), options);
        var sent = await _f.SentAlert();
        var down = await runner.RunOnceAsync();
        Assert.NotNull(down.Error);
        var alert = await Alert(sent.AlertId);
        Assert.Equal(AlertStatus.Sending, alert.Status);
        Assert.Equal(0, alert.Delivered);
        Assert.Contains("配信サーバに接続できません", alert.LastError);
        await using (var db = _f.Open())
            Assert.DoesNotContain(await db.DeliveryBatches.ToListAsync(), b => b.Done);

        smtp.Start();
        await runner.RunOnceAsync();
        alert = await Alert(sent.AlertId);
        Assert.Equal((AlertStatus.Sent, 25, (string?)null), (alert.Status, alert.Delivered, alert.LastError));
        Assert.Equal(25, smtp.MessageIds.Distinct().Count());
        await smtp.StopAsync();
    }

    [Fact]
    public async Task CrashMidwayThenResume_EveryoneAtLeastOnce_DuplicatesBoundedByInFlightBatches()
    {
        const int recipients = 120, batch = 10, connections = 2;
        await Subscribers(recipients);
        await using var smtp = new TestSmtpServer().Start();
        var options = Smtp(smtp, batch, connections);
        var sent = await _f.SentAlert();
        using var crash = new CancellationTokenSource();
        smtp.OnAccepted = n => { if (n == 47) crash.Cancel(); };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _f.Runner(MailTransports.Create(options), options).RunOnceAsync(crash.Token));
        smtp.OnAccepted = null;
        var before = smtp.Accepted.Count;
        Assert.InRange(before, 47, recipients - 1);
        Assert.Equal(AlertStatus.Sending, (await Alert(sent.AlertId)).Status);
        await using (var db = _f.Open())
        {
            // Checkpoints were written as batches finished: what the crash left undone is at most the in-flight batches.
            var done = await db.DeliveryBatches.Where(b => b.Done).SumAsync(b => b.Delivered);
            Assert.InRange(before - done, 0, connections * batch);
            Assert.Equal(done, (await Alert(sent.AlertId)).Delivered);
        }

        // A fresh worker, as after a restart: it takes over the crashed one's batches once their leases expire.
        _f.Clock.Advance(new AnshinMail.Rules.Nodes.NodeOptions().Lease + TimeSpan.FromSeconds(1));
        await _f.Runner(MailTransports.Create(options), options).RunOnceAsync();
        var ids = smtp.MessageIds.ToList();
        Assert.Equal(recipients, ids.Distinct().Count());
        Assert.InRange(ids.Count - recipients, 0, connections * batch);
        var alert = await Alert(sent.AlertId);
        Assert.Equal(AlertStatus.Sent, alert.Status);
        Assert.Equal(recipients, alert.Delivered);
    }

    [Fact]
    public async Task DkimSignatureCoversTheListHeadersAndVerifies()
    {
        await Subscribers(1);
        using var rsa = RSA.Create(2048);
        var keyPath = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, rsa.ExportRSAPrivateKeyPem());
        try
        {
            await using var smtp = new TestSmtpServer().Start();
            var options = Smtp(smtp) with { Dkim = new DkimOptions { Domain = "example.jp", Selector = "anshin", PrivateKeyPath = keyPath } };
            await _f.SentAlert();
            await _f.Runner(MailTransports.Create(options), options).RunOnceAsync();
            var m = Assert.Single(smtp.Accepted);
            var signature = m.Headers[HeaderId.DkimSignature];
            Assert.Contains("list-unsubscribe-post", signature!.ToLowerInvariant());
            var verifier = new MimeKit.Cryptography.DkimVerifier(new KeyLocator(rsa));
            var index = m.Headers.IndexOf(HeaderId.DkimSignature);
            Assert.True(verifier.Verify(m, m.Headers[index]));
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    private sealed class KeyLocator(RSA rsa) : MimeKit.Cryptography.DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken ct = default) =>
            GetPublicKey($"v=DKIM1; k=rsa; p={Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}");

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken ct = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, ct));
    }
}
