using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using MimeKit;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// The factory encodes what an alert's recipients share once and clones it per message: alerts built
/// in turn (as the held-mail release does) must each keep their own subject and text, and no message
/// may carry another's recipient or personal links.
/// </summary>
public sealed class AlertMessageFactoryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);

    private static Alert Alert(long id, string subject, string body) => new()
    {
        Id = id, CategoryId = "child-safety", UnitId = "nagano-chuo", Subject = subject, Body = body, SentBy = "head1",
    };

    private static Subscriber Subscriber(long id, string? organisation = null) => new()
    {
        Id = id, Email = $"r{id}@example.jp", Token = $"token{id:0000}", Organisation = organisation,
    };

    [Theory]
    [InlineData("utf-8")]
    [InlineData("iso-2022-jp")]
    public void AlertsBuiltInTurnEachKeepTheirOwnSubjectAndText(string charset)
    {
        var factory = new AlertMessageFactory(TestBook.Book, new DeliveryOptions { Charset = charset });
        var first = Alert(1, "【声かけ事案】長野市北部", "下校中の児童に声をかける事案がありました。\r\n");
        var second = Alert(2, "【クマ出没】信濃町", "クマが目撃されました。");
        var messages = new[] { (first, 10L), (second, 11L), (first, 12L), (second, 13L) }
            .Select(x => (Alert: x.Item1, Id: x.Item2, Message: factory.Build(x.Item1, Subscriber(x.Item2), At))).ToList();
        foreach (var (alert, id, message) in messages)
        {
            using var m = Reparse(message);
            Assert.Equal(alert.Subject, m.Subject);
            Assert.Equal($"r{id}@example.jp", Assert.Single(m.To.Mailboxes).Address);
            Assert.Equal(TestBook.Book.Sender.Address, Assert.Single(m.From.Mailboxes).Address);
            Assert.Equal($"alert-{alert.Id}.{id}@{MailboxAddress.Parse(TestBook.Book.Sender.Address).Domain}", m.MessageId);
            Assert.Single(m.Headers, h => h.Field == "Subject");
            Assert.Single(m.Headers, h => h.Field == "List-Id");
            Assert.Single(m.Headers, h => h.Field == "List-Unsubscribe");
            Assert.Equal("1.0", m.Headers[HeaderId.MimeVersion]);
            Assert.Equal(TimeSpan.FromHours(9), m.Date.Offset);
            Assert.Equal(At, m.Date);
            var text = Assert.IsType<TextPart>(m.Body).Text;
            Assert.StartsWith(alert.Body.Replace("\r\n", "\n").TrimEnd('\n') + "\n", text.Replace("\r\n", "\n"));
            Assert.Contains($"token{id:0000}", text);
            Assert.DoesNotContain(messages.Where(o => o.Id != id), o => text.Contains($"token{o.Id:0000}"));
            message.Dispose();
        }
    }

    [Fact]
    public void ChangingOneMessageLeavesTheNextUntouched()
    {
        var factory = new AlertMessageFactory(TestBook.Book, new DeliveryOptions());
        var alert = Alert(1, "【声かけ事案】長野市北部", "本文");
        using (var first = factory.Build(alert, Subscriber(1), At))
        {
            first.Subject = "書き換えた件名";
            first.From.Clear();
        }
        using var second = factory.Build(alert, Subscriber(2), At);
        Assert.Equal(alert.Subject, second.Subject);
        Assert.Equal(TestBook.Book.Sender.Address, Assert.Single(second.From.Mailboxes).Address);
    }

    [Fact]
    public void OnlyOrganisationsGetTheRedistributionLine()
    {
        var factory = new AlertMessageFactory(TestBook.Book, new DeliveryOptions());
        var alert = Alert(1, "【声かけ事案】長野市北部", "本文");
        using var resident = factory.Build(alert, Subscriber(1), At);
        using var board = factory.Build(alert, Subscriber(2, "長野市教育委員会"), At);
        Assert.DoesNotContain("二次配信", Assert.IsType<TextPart>(resident.Body).Text);
        Assert.Contains("二次配信", Assert.IsType<TextPart>(board.Body).Text);
    }

    /// <summary>What the relay receives: the message written out and read back.</summary>
    private static MimeMessage Reparse(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
