using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Tests.Delivery;
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

namespace AnshinMail.Rules.Tests.Properties;

/// <summary>Delivery invariants: batches never skip a recipient; a crash loses nothing; nothing unapproved is handed on.</summary>
public class DeliveryProperties
{
    [Property(MaxTest = 300)]
    public Property Batches_AreContiguous_AndHoldEveryRecipientExactlyOnce()
    {
        var gen =
            from ids in Gen.ListOf(Gen.Choose(1, 5000)).Select(l => l.Distinct().Order().Select(i => (long)i).ToList())
            from size in Gen.Choose(1, 40)
            select (ids, size);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var batches = DeliveryPlanner.Ranges(1, c.ids, c.size).ToList();
            var contiguous = batches.Zip(batches.Skip(1)).All(p => p.Second.FromSubscriberId == p.First.ToSubscriberId + 1);
            var exactlyOnce = c.ids.All(id => batches.Count(b => b.FromSubscriberId <= id && id <= b.ToSubscriberId) == 1);
            return contiguous && exactlyOnce && batches.Sum(b => b.Planned) == c.ids.Count && batches.All(b => b.Planned <= c.size);
        });
    }

    [Property(MaxTest = 12)]
    public Property CrashAnywhere_ThenResume_NeverSkipsARecipient_AndDuplicatesAreBounded()
    {
        var gen =
            from recipients in Gen.Choose(1, 60)
            from size in Gen.Choose(1, 15)
            from connections in Gen.Choose(1, 3)
            from crashAfter in Gen.Choose(0, 60)
            select (recipients, size, connections, crashAfter);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            using var f = new WorkflowFixture();
            using (var db = f.Open())
            {
                for (var i = 0; i < c.recipients; i++) f.Subscribe(db, $"p{i}@example.jp");
                db.SaveChanges();
            }
            var sent = f.SentAlert().GetAwaiter().GetResult();
            var options = new DeliveryOptions { BatchSize = c.size, Connections = c.connections };
            var crashing = new RecordingTransport(c.crashAfter);
            f.Runner(crashing, options).RunOnceAsync().GetAwaiter().GetResult();
            var resumed = new RecordingTransport();
            f.Runner(resumed, options).RunOnceAsync().GetAwaiter().GetResult();
            var all = crashing.Handed.Concat(resumed.Handed).Select(m => m.MessageId).ToList();
            using var check = f.Open();
            var alert = check.Alerts.Single(a => a.Id == sent.AlertId);
            return (all.Distinct().Count() == c.recipients).Label("everyone")
                .And((all.Count - c.recipients <= c.connections * c.size).Label("duplicates bounded"))
                .And((alert.Status == AlertStatus.Sent && alert.Delivered == c.recipients).Label("sent and counted"));
        });
    }

    [Property(MaxTest = 8)]
    public Property NoMessageIsHandedOnForAnAlertWithoutAMatchingApproval()
    {
        var scenario = Gen.Elements("approved", "unapproved", "edited-after-approval", "tampered-after-release");
        return Prop.ForAll(Gen.ListOf(scenario).Where(l => l.Count is > 0 and <= 4).ToArbitrary(), scenarios =>
        {
            using var f = new WorkflowFixture();
            using (var db = f.Open())
            {
                f.Subscribe(db, "x@example.jp");
                db.SaveChanges();
            }
            foreach (var s in scenarios) Play(f, s).GetAwaiter().GetResult();
            var transport = new RecordingTransport();
            f.Runner(transport).RunOnceAsync().GetAwaiter().GetResult();
            using var db2 = f.Open();
            return transport.Handed.All(m =>
            {
                var alertId = long.Parse(m.MessageId!.Split('.')[0]["alert-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                return ApprovalGuard.CoversAsync(db2, db2.Alerts.Single(a => a.Id == alertId), default).GetAwaiter().GetResult();
            }) && transport.Handed.Count == scenarios.Count(s => s == "approved");
        });
    }

    /// <summary>Each scenario goes through the workflow; "unapproved" and "tampered" bypass it by writing the database directly.</summary>
    private static async Task Play(WorkflowFixture f, string scenario)
    {
        var draft = await f.Do(w => new CreateDraft(w).RunAsync(Staff(), WorkflowFixture.Input()));
        if (scenario != "unapproved") await f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, WorkflowFixture.AllConfirmed));
        if (scenario == "edited-after-approval")
            await f.Do(w => new EditDraft(w).RunAsync(Staff(), draft.Id, WorkflowFixture.Input(fields: Fields with { Advice = "追記" })));
        if (scenario is "approved" or "tampered-after-release")
            await f.Do(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        await using var db = f.Open();
        var stored = await db.Drafts.SingleAsync(d => d.Id == draft.Id);
        if (scenario == "tampered-after-release")
        {
            stored.Fields = stored.Fields with { Place = "改ざんされた場所" };
            await db.SaveChangesAsync();
        }
        if (scenario is "unapproved" or "edited-after-approval")
        {
            // An intruder writes the rows as they like: past the entities' own methods.
            db.Entry(stored).Property(d => d.Status).CurrentValue = DraftStatus.Released;
            var forged = new Alert
            {
                DraftId = draft.Id, CategoryId = stored.CategoryId, UnitId = stored.UnitId, Areas = stored.TargetAreas,
                Subject = "件名", Body = "本文", SentBy = "intruder", StartedAt = f.Clock.GetUtcNow(),
            };
            db.Alerts.Add(forged);
            db.Entry(forged).Property(a => a.Status).CurrentValue = AlertStatus.Sending;
            await db.SaveChangesAsync();
        }
    }
}
