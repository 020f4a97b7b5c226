using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Workflow;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>T5: a subscriber's quiet hours hold non-emergency mail until they end; emergencies go through.</summary>
public sealed class QuietHoursTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task Subscribers()
    {
        await using var db = _f.Open();
        _f.Subscribe(db, "awake@example.jp");
        var night = _f.Subscribe(db, "sleeping@example.jp");
        night.QuietFrom = new TimeOnly(21, 0);
        night.QuietTo = new TimeOnly(7, 0);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task T5_QuietHoursHoldTheMessageUntilTheyEnd()
    {
        await Subscribers();
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 21, 30));
        var sent = await _f.SentAlert();
        await using var smtp = new TestSmtpServer().Start();
        var options = new DeliveryOptions { Transport = "smtp", Host = "127.0.0.1", Port = smtp.Port, BatchSize = 10 };
        var runner = _f.Runner(MailTransports.Create(options), options);
        await runner.RunOnceAsync();
        Assert.Equal(["awake@example.jp"], smtp.Accepted.Select(m => m.To.Mailboxes.Single().Address));
        await using (var db = _f.Open())
        {
            var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
            Assert.Equal((AlertStatus.Sending, 1, 1), (alert.Status, alert.Delivered, alert.Held));
            Assert.Equal(Jst(2026, 11, 28, 7), (await db.HeldMessages.SingleAsync()).ReleaseAt);
        }
        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 6, 59));
        await runner.RunOnceAsync();
        Assert.Single(smtp.Accepted);
        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 7, 0));
        await runner.RunOnceAsync();
        Assert.Equal(2, smtp.Accepted.Count);
        await using (var db = _f.Open())
        {
            var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
            Assert.Equal((AlertStatus.Sent, 2, 0), (alert.Status, alert.Delivered, alert.Held));
            Assert.Empty(await db.HeldMessages.ToListAsync());
        }
    }

    [Fact]
    public async Task T5_EmergencyIgnoresQuietHours()
    {
        await Subscribers();
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), WorkflowFixture.Input()));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, WorkflowFixture.AllConfirmed));
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23, 0));
        await _f.Do(w => new EmergencySend(w).RunAsync(Distributor(), draft.Id, AllEmergencyConditions));
        var transport = new RecordingTransport();
        await _f.Runner(transport).RunOnceAsync();
        Assert.Equal(2, transport.Handed.Count);
    }

    [Fact]
    public async Task T5_ASubscriberWhoLeavesWhileHeldIsDropped()
    {
        await Subscribers();
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 21, 30));
        var sent = await _f.SentAlert();
        var transport = new RecordingTransport();
        var runner = _f.Runner(transport);
        await runner.RunOnceAsync();
        await using (var db = _f.Open())
        {
            db.Subscribers.Remove(await db.Subscribers.SingleAsync(s => s.Email == "sleeping@example.jp"));
            await db.SaveChangesAsync();
        }
        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 8));
        await runner.RunOnceAsync();
        Assert.Single(transport.Handed);
        await using var check = _f.Open();
        var alert = await check.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.Equal((AlertStatus.Sent, 1, 1, 0), (alert.Status, alert.Recipients, alert.Delivered, alert.Held));
    }

    [Property(MaxTest = 500)]
    public Property T5_QuietUntil_IsInsideTheBand_AndEndsAtItsEnd()
    {
        var gen =
            from start in Gen.Choose(0, 23 * 60 + 59)
            from end in Gen.Choose(0, 23 * 60 + 59)
            from now in Gen.Choose(0, 24 * 60 - 1)
            select (Start: start, End: end, Now: now);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var s = new Subscriber { Email = "x@example.jp", Token = "t", QuietFrom = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(c.Start)), QuietTo = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(c.End)) };
            var local = new DateTime(2026, 11, 27).AddMinutes(c.Now);
            var until = s.QuietUntil(local);
            var inside = c.Start != c.End && (c.Start < c.End ? c.Now >= c.Start && c.Now < c.End : c.Now >= c.Start || c.Now < c.End);
            return inside == until.HasValue
                && (until is null || (until > local && until <= local.AddDays(1) && TimeOnly.FromDateTime(until.Value) == s.QuietTo));
        });
    }
}
