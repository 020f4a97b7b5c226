using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>Draft → approve → send → delivered over real SMTP → ledger → resolution, on a SQLite file.</summary>
public sealed class LifecycleEndToEndTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Y9_Y10_Y11_2_DraftApproveSendDeliverLedgerResolve()
    {
        await using (var db = _f.Open())
        {
            _f.Subscribe(db, "a@example.jp");
            _f.Subscribe(db, "b@example.jp");
            _f.Subscribe(db, "other-area@example.jp", areas: ["長野市南部"]);
            _f.Subscribe(db, "other-category@example.jp", categories: ["traffic-safety"]);
            _f.Subscribe(db, "unconfirmed@example.jp", confirmed: false);
            await db.SaveChangesAsync();
        }
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await _f.Do(w => new SubmitDraft(w).RunAsync(Staff(), draft.Id));
        var approval = await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        Assert.Equal(ApprovalRegime.Distributor, approval.Regime);
        var sent = await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draft.Id, rechecked: true));
        Assert.Equal(SendTiming.Now, sent.Timing);

        await using var smtp = new TestSmtpServer().Start();
        var runner = _f.Runner(new SmtpTransport(new DeliveryOptions { Host = "127.0.0.1", Port = smtp.Port }));
        var pass = await runner.RunOnceAsync();
        Assert.Null(pass.Error);
        Assert.Equal(["a@example.jp", "b@example.jp"], smtp.Accepted.Select(m => m.To.Mailboxes.Single().Address).Order());

        await using (var db = _f.Open())
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
        Assert.Single(await _f.Do(w => new OpenAlerts(w).RunAsync(Station)));

        var resolution = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Resolution));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), resolution.Id, AllConfirmed));
        await _f.Do(w => new SendAlert(w).RunAsync(Staff(), resolution.Id, rechecked: true));
        await runner.RunOnceAsync();

        Assert.Empty(await _f.Do(w => new OpenAlerts(w).RunAsync(Station)));
        await using (var db = _f.Open())
        {
            var entries = await db.LedgerEntries.OrderBy(e => e.Serial).ToListAsync();
            Assert.Equal("2026-0002", entries[0].FollowUps);
            Assert.Contains("解除", entries[1].Subject);
            Assert.Equal(4, smtp.Accepted.Count);
            var actions = await db.AuditEvents.Select(e => e.Action + ":" + e.Outcome).ToListAsync();
            Assert.Contains("draft.approve:ok", actions);
            Assert.Contains("alert.send:ok", actions);
        }
    }

    [Fact]
    public async Task Y9_4_OutsideSendingHoursIsScheduledForSixAndStartsThen()
    {
        await using (var db = _f.Open())
        {
            _f.Subscribe(db, "a@example.jp");
            await db.SaveChangesAsync();
        }
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23, 10));
        var sent = await _f.SentAlert();
        Assert.Equal(SendTiming.Hold, sent.Timing);
        Assert.Equal(Jst(2026, 11, 28, 6), sent.At);
        var drop = Path.Combine(Path.GetTempPath(), "anshin-drop-" + Guid.NewGuid().ToString("N"));
        try
        {
            var runner = _f.Runner(new PickupTransport(drop));
            await runner.RunOnceAsync();
            Assert.False(Directory.Exists(drop) && Directory.EnumerateFiles(drop).Any());
            _f.Clock.SetUtcNow(Jst(2026, 11, 28, 6));
            await runner.RunOnceAsync();
            Assert.Single(Directory.EnumerateFiles(drop, "*.eml"));
            await using var db = _f.Open();
            Assert.Equal(AlertStatus.Sent, (await db.Alerts.SingleAsync()).Status);
        }
        finally
        {
            if (Directory.Exists(drop)) Directory.Delete(drop, true);
        }
    }
}
