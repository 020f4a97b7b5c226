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

/// <summary>A database (a SQLite file, or PostgreSQL in a PostgreSQL run: <see cref="TestDatabase"/>), a clock in
/// Japan time, the people of a station and HQ, and the services over them, in the Nagano book or another book of
/// rules/ (<see cref="BookCases"/>).</summary>
public sealed class WorkflowFixture : IDisposable
{
    public TestDatabase File { get; }
    public FakeTimeProvider Clock { get; } = new(Cases.WorkingHours);
    /// <summary>The book the fixture runs on, and the cases built in it.</summary>
    public BookCases Book { get; }

    /// <param name="book">The book to run on; Nagano's when null.</param>
    /// <param name="provider">Null for the run's provider; a test that depends on one names it.</param>
    public WorkflowFixture(BookCases? book = null, string? provider = null)
    {
        Book = book ?? BookCases.Nagano;
        File = new TestDatabase(provider);
        using var db = File.Open();
        var b = Book;
        foreach (var p in new[] { b.Staff(), b.Distributor(), b.PrOfficer(), b.DutyOfficer(), b.SecurityManager })
            db.Accounts.Add(new PersonAccount
            {
                UserId = p.Id, DisplayName = p.Id, UnitId = p.UnitId, Roles = p.Roles.ToList(), PasswordHash = "x",
                PasswordSetAt = Clock.GetUtcNow(), CreatedAt = Clock.GetUtcNow(),
            });
        db.SaveChanges();
    }

    /// <summary>訓練: the installation's drill mode (off unless a test sets it).</summary>
    public AnshinMail.Rules.Drill.DrillMode Drill { get; init; } = AnshinMail.Rules.Drill.DrillMode.Off;

    public AnshinDbContext Open() => File.Open();

    public WorkflowContext Workflow(AnshinDbContext db) =>
        new(db, Book.Engine, Book.Renderer, Clock) { Drill = Drill };

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

    /// <summary>A draft in the fixture's book: its child category (with a fitting victim) in the station's first
    /// area unless told otherwise.</summary>
    public DraftInput InputInBook(string? category = null, string[]? areas = null)
    {
        var c = Book.Book.Category(category ?? Book.ChildCategory.Id);
        var victim = BookCases.FittingVictim(c);
        return new DraftInput
        {
            CategoryId = c.Id, Fields = Book.Fields, TargetAreas = areas ?? [Book.Area],
            VictimAge = victim?.Age, VictimSex = victim?.Sex,
        };
    }

    public static ApprovalInput AllConfirmed => new() { Confirmations = Cases.AllConfirmations };

    /// <summary>Every privacy confirmation of the fixture's book.</summary>
    public ApprovalInput AllConfirmedInBook => new() { Confirmations = Book.AllConfirmations };

    /// <summary>Draft → approve (by the distributor) → send; returns the alert id.</summary>
    public async Task<SendOutcome> SentAlert(string? category = null, string[]? areas = null)
    {
        var draft = await Do(w => new CreateDraft(w).RunAsync(Book.Staff(), InputInBook(category, areas)));
        await Do(w => new ApproveDraft(w).RunAsync(Book.Distributor(), draft.Id, AllConfirmedInBook));
        return await Do(w => new SendAlert(w).RunAsync(Book.Staff(), draft.Id, rechecked: true));
    }

    public Subscriber Subscribe(AnshinDbContext db, string email, string[]? categories = null, string[]? areas = null, bool confirmed = true)
    {
        var s = new Subscriber
        {
            Email = email, Categories = (categories ?? [Book.ChildCategory.Id]).ToList(),
            Areas = (areas ?? [Book.Area]).ToList(),
            Confirmed = confirmed, Token = Guid.NewGuid().ToString("N"), CreatedAt = Clock.GetUtcNow(),
        };
        db.Subscribers.Add(s);
        return s;
    }

    public DeliveryRunner Runner(IMailTransport transport, DeliveryOptions? options = null)
    {
        options ??= new DeliveryOptions { RetryDelay = TimeSpan.FromMilliseconds(10), BatchSize = 10, Connections = 2 };
        var factory = new AlertMessageFactory(Book.Book, options, Drill);
        return new DeliveryRunner(Open, transport, factory, options, Clock, drill: Drill);
    }

    public void Dispose() => File.Dispose();
}
