using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static AnshinMail.Rules.Tests.Cases;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Draft → approve → send → delivered over real SMTP → ledger → resolution, on a SQLite file, in each book
/// of rules/ (Nagano and the fictional sample prefecture): the book's areas, categories, hours and templates.</summary>
public sealed class LifecycleEndToEndTests
{
    public static TheoryData<string> Books => BookCases.Both;

    private static async Task Subscribers(WorkflowFixture f)
    {
        var b = f.Book;
        await using var db = f.Open();
        f.Subscribe(db, "a@example.jp");
        f.Subscribe(db, "b@example.jp");
        f.Subscribe(db, "other-area@example.jp", areas: [b.FarArea]);
        f.Subscribe(db, "other-category@example.jp", categories: [b.PlainCategory.Id]);
        f.Subscribe(db, "unconfirmed@example.jp", confirmed: false);
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y9_Y10_Y11_2_DraftApproveSendDeliverLedgerResolve(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        await Subscribers(f);
        var draft = await f.Do(w => new CreateDraft(w).RunAsync(b.Staff(), f.InputInBook()));
        await f.Do(w => new SubmitDraft(w).RunAsync(b.Staff(), draft.Id));
        var approval = await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(), draft.Id, f.AllConfirmedInBook));
        Assert.Equal(ApprovalRegime.Distributor, approval.Regime);
        var sent = await f.Do(w => new SendAlert(w).RunAsync(b.Staff(), draft.Id, rechecked: true));
        Assert.Equal(SendTiming.Now, sent.Timing);

        await using var smtp = new TestSmtpServer().Start();
        var runner = f.Runner(new SmtpTransport(new DeliveryOptions { Host = "127.0.0.1", Port = smtp.Port }));
        var pass = await runner.RunOnceAsync();
        Assert.Null(pass.Error);
        Assert.Equal(["a@example.jp", "b@example.jp"], smtp.Accepted.Select(m => m.To.Mailboxes.Single().Address).Order());
        AssertFromTheBook(b, smtp.Accepted.First());

        await using (var db = f.Open())
        {
            var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
            Assert.Equal(AlertStatus.Sent, alert.Status);
            Assert.Equal(2, alert.Delivered);
            var entry = await db.LedgerEntries.SingleAsync();
            Assert.Equal("2026-0001", entry.Number);
            Assert.Equal(2, entry.Recipients);
            Assert.NotNull(entry.SentAt);
            Assert.Equal(alert.Subject, entry.Subject);
        }
        Assert.Single(await f.Do(w => new OpenAlerts(w).RunAsync(b.Station.Id)));
        await Resolve(f, sent.AlertId, runner);
        Assert.Equal(4, smtp.Accepted.Count);
    }

    /// <summary>The mail is the book's: its sender, its category's name and template, its footer.</summary>
    private static void AssertFromTheBook(BookCases b, MimeMessage m)
    {
        Assert.Equal(b.Book.Sender.Address, m.From.Mailboxes.Single().Address);
        var expected = b.Renderer.Render(b.ChildCategory.Id,
            new AnshinMail.Rules.Templates.MessageModelBuilder(b.Book, b.Calendar).For(b.Draft()));
        Assert.Equal(expected.Subject, m.Subject);
        Assert.Contains(b.ChildCategory.Name, m.Subject);
        var body = Assert.IsType<TextPart>(m.Body).Text;
        Assert.Contains($"{b.Book.Prefecture}警察「{b.Book.SystemName}」", body);
        Assert.Contains(b.Station.Name, body);
    }

    private static async Task Resolve(WorkflowFixture f, long alertId, DeliveryRunner runner)
    {
        var b = f.Book;
        var resolution = await f.Do(w =>
            new CreateFollowUp(w).RunAsync(b.Staff(), alertId, FollowUpKind.Resolution));
        await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(), resolution.Id, f.AllConfirmedInBook));
        await f.Do(w => new SendAlert(w).RunAsync(b.Staff(), resolution.Id, rechecked: true));
        await runner.RunOnceAsync();

        Assert.Empty(await f.Do(w => new OpenAlerts(w).RunAsync(b.Station.Id)));
        await using var db = f.Open();
        var entries = await db.LedgerEntries.OrderBy(e => e.Serial).ToListAsync();
        Assert.Equal("2026-0002", entries[0].FollowUps);
        Assert.Contains("解除", entries[1].Subject);
        var actions = await db.AuditEvents.Select(e => e.Action + ":" + e.Outcome).ToListAsync();
        Assert.Contains("draft.approve:ok", actions);
        Assert.Contains("alert.send:ok", actions);
    }

    [Fact]
    public async Task Y9_4_OutsideSendingHoursIsScheduledForSixAndStartsThen_Nagano() =>
        await ScheduledForTheOpening(BookCases.Nagano, Jst(2026, 11, 27, 23, 10), Jst(2026, 11, 28, 6));

    [Fact]
    public async Task Y9_4_At2100IsScheduledForSevenAndStartsThen_Sample() =>
        await ScheduledForTheOpening(BookCases.Sample, Jst(2026, 11, 27, 21), Jst(2026, 11, 28, 7));

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y9_4_AtClosingIsScheduledForTheBooksOpening(string name)
    {
        var b = BookCases.Named(name);
        await ScheduledForTheOpening(b, BookCases.On(2026, 11, 27, b.Closes), BookCases.On(2026, 11, 28, b.Opens));
    }

    private static async Task ScheduledForTheOpening(BookCases b, DateTimeOffset at, DateTimeOffset opening)
    {
        using var f = new WorkflowFixture(b);
        await using (var db = f.Open())
        {
            f.Subscribe(db, "a@example.jp");
            await db.SaveChangesAsync();
        }
        f.Clock.SetUtcNow(at);
        var sent = await f.SentAlert();
        Assert.Equal(SendTiming.Hold, sent.Timing);
        Assert.Equal(opening, sent.At);
        var drop = Path.Combine(Path.GetTempPath(), "anshin-drop-" + Guid.NewGuid().ToString("N"));
        try
        {
            var runner = f.Runner(new PickupTransport(drop));
            f.Clock.SetUtcNow(opening.AddSeconds(-1));
            await runner.RunOnceAsync();
            Assert.False(Directory.Exists(drop) && Directory.EnumerateFiles(drop).Any());
            f.Clock.SetUtcNow(opening);
            await runner.RunOnceAsync();
            Assert.Single(Directory.EnumerateFiles(drop, "*.eml"));
            await using var db = f.Open();
            Assert.Equal(AlertStatus.Sent, (await db.Alerts.SingleAsync()).Status);
        }
        finally
        {
            if (Directory.Exists(drop)) Directory.Delete(drop, true);
        }
    }
}
