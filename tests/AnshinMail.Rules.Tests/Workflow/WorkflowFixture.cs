using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using Microsoft.Extensions.Time.Testing;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>A database (a SQLite file, or PostgreSQL in a PostgreSQL run: <see cref="TestDatabase"/>), a clock in Japan time, the people of a station and HQ, and the services over them.</summary>
public sealed class WorkflowFixture : IDisposable
{
    public TestDatabase File { get; }
    public FakeTimeProvider Clock { get; } = new(Cases.WorkingHours);

    /// <param name="provider">Null for the run's provider; a test that depends on one names it.</param>
    public WorkflowFixture(string? provider = null)
    {
        File = new TestDatabase(provider);
        using var db = File.Open();
        foreach (var p in new[] { Cases.Staff(), Cases.Distributor(), Cases.PrOfficer(), Cases.DutyOfficer(), Cases.SecurityManager })
            db.Accounts.Add(new PersonAccount
            {
                UserId = p.Id, DisplayName = p.Id, UnitId = p.UnitId, Roles = p.Roles.ToList(), PasswordHash = "x",
                PasswordSetAt = Clock.GetUtcNow(), CreatedAt = Clock.GetUtcNow(),
            });
        db.SaveChanges();
    }

    public AnshinDbContext Open() => File.Open();

    public WorkflowContext Workflow(AnshinDbContext db) => new(db, TestBook.Engine, TestBook.Renderer, Clock);

    /// <summary>Runs one workflow operation on a fresh context, as a page request would.</summary>
    public async Task<T> Do<T>(Func<WorkflowContext, Task<T>> operation)
    {
        await using var db = Open();
        return await operation(Workflow(db));
    }

    public static DraftInput Input(string category = "child-safety", string[]? areas = null, AlertFields? fields = null) => new()
    {
        CategoryId = category, Fields = fields ?? Cases.Fields, TargetAreas = areas ?? ["長野市北部"],
        VictimAge = category == "child-safety" ? 10 : null, VictimSex = category == "child-safety" ? AnshinMail.Rules.PolicyBooks.Sex.Female : null,
    };

    public static ApprovalInput AllConfirmed => new() { Confirmations = Cases.AllConfirmations };

    /// <summary>Draft → approve (by the distributor) → send; returns the alert id.</summary>
    public async Task<SendOutcome> SentAlert(string category = "child-safety", string[]? areas = null)
    {
        var draft = await Do(w => new CreateDraft(w).RunAsync(Cases.Staff(), Input(category, areas)));
        await Do(w => new ApproveDraft(w).RunAsync(Cases.Distributor(), draft.Id, AllConfirmed));
        return await Do(w => new SendAlert(w).RunAsync(Cases.Staff(), draft.Id, rechecked: true));
    }

    public Subscriber Subscribe(AnshinDbContext db, string email, string[]? categories = null, string[]? areas = null, bool confirmed = true)
    {
        var s = new Subscriber
        {
            Email = email, Categories = (categories ?? ["child-safety"]).ToList(), Areas = (areas ?? ["長野市北部"]).ToList(),
            Confirmed = confirmed, Token = Guid.NewGuid().ToString("N"), CreatedAt = Clock.GetUtcNow(),
        };
        db.Subscribers.Add(s);
        return s;
    }

    public DeliveryRunner Runner(IMailTransport transport, DeliveryOptions? options = null)
    {
        options ??= new DeliveryOptions { RetryDelay = TimeSpan.FromMilliseconds(10), BatchSize = 10, Connections = 2 };
        return new DeliveryRunner(Open, transport, new AlertMessageFactory(TestBook.Book, options), options, Clock);
    }

    public void Dispose() => File.Dispose();
}
