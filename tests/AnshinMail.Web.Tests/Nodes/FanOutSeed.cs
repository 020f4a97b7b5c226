using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Sending;
using Microsoft.Extensions.Time.Testing;

namespace AnshinMail.Web.Tests.Nodes;

/// <summary>
/// A database with <c>count</c> residents of 長野市北部 and one child-safety alert released inside sending hours
/// (through the library's own operations, at a fixed instant), not yet fanned out: the nodes do that.
/// </summary>
public static class FanOutSeed
{
    private const string Station = "nagano-chuo";

    public static async Task<long> RunAsync(AnshinDbContext db, PolicyBook book, int count)
    {
        var clock = new FakeTimeProvider(WebApp.Friday);
        var staff = new Person("kill-staff", Station, new HashSet<Role> { Role.Staff });
        var head = new Person("kill-head", Station, new HashSet<Role> { Role.Distributor, Role.Staff });
        foreach (var p in new[] { staff, head })
            db.Accounts.Add(new PersonAccount
            {
                UserId = p.Id, DisplayName = p.Id, UnitId = p.UnitId, Roles = p.Roles.ToList(), PasswordHash = "x",
                PasswordSetAt = clock.GetUtcNow(), CreatedAt = clock.GetUtcNow(),
            });
        for (var i = 0; i < count; i++)
            db.Subscribers.Add(new Subscriber
            {
                Email = $"k{i:00000}@example.jp", Categories = ["child-safety"], Areas = ["長野市北部"],
                Confirmed = true, Token = Guid.NewGuid().ToString("N"), CreatedAt = clock.GetUtcNow(),
            });
        await db.SaveChangesAsync();
        var engine = new PolicyEngine(book);
        var w = new WorkflowContext(db, engine, new MessageRenderer(book), clock);
        var draft = await new CreateDraft(w).RunAsync(staff, new DraftInput
        {
            CategoryId = "child-safety", TargetAreas = ["長野市北部"], VictimAge = 10, VictimSex = Sex.Female,
            Fields = new AlertFields
            {
                Headline = "声かけ事案の発生", OccurredAt = WebApp.Friday.AddHours(-20), Place = "長野市大字鶴賀",
                WhatHappened = "下校中の女子児童が、男から声をかけられる事案が発生しました。",
                Person = new PersonInvolved { Sex = "男", Age = "40歳くらい" },
            },
        });
        var confirmations = book.PrivacyConfirmations.Select(c => c.Id).ToHashSet();
        await new ApproveDraft(w).RunAsync(head, draft.Id, new ApprovalInput { Confirmations = confirmations });
        return (await new SendAlert(w).RunAsync(staff, draft.Id, rechecked: true)).AlertId;
    }
}
