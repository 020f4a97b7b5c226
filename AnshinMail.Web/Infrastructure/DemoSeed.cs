using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Sending;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// The demo a fresh `dotnet run` starts with (only into an empty database), from the loaded book's demo file
/// (<see cref="DemoScript"/>): its people in the book's units, residents in its areas, and a few alerts sent,
/// corrected, resolved and cancelled through the real workflow.
/// </summary>
public static class DemoSeed
{
    public const string Password = DemoScript.Password;

    public static async Task RunAsync(IServiceProvider services, ILogger log)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        if (await db.Accounts.AnyAsync()) return;
        var book = scope.ServiceProvider.GetRequiredService<PolicyBook>();
        if (DemoScript.For(book) is not { } script)
        {
            log.LogInformation("Demo not seeded: the policy book has no demo file {File}", DemoScript.PathOf(book));
            return;
        }
        if (script.Misfit(book) is { } misfit)
        {
            log.LogWarning("Demo not seeded: {File} names {Misfit}, which {Book} does not have",
                DemoScript.PathOf(book), misfit, book.SourcePath);
            return;
        }
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        AddAccounts(db, script, scope.ServiceProvider.GetRequiredService<IPasswordHasher<PersonAccount>>(), now);
        AddResidents(db, script, book, now);
        await db.SaveChangesAsync();
        // The sample alerts are dated on the last working day at 10:00, so that they were sent inside
        // sending hours whatever the hour of the first run; delivery then runs as usual.
        var engine = scope.ServiceProvider.GetRequiredService<PolicyEngine>();
        var renderer = scope.ServiceProvider.GetRequiredService<MessageRenderer>();
        var past = new FixedClock(LastWorkingMorning(engine, now));
        // 訓練: a drill's demo alerts are the drill's (marked, kept from any real archive).
        var drill = scope.ServiceProvider.GetRequiredService<AnshinMail.Rules.Drill.DrillMode>();
        var day = new WorkflowContext(db, engine, renderer, past) { Drill = drill };
        var evening = new WorkflowContext(db, engine, renderer, new FixedClock(LastEvening(engine, past.At)))
        {
            Drill = drill,
        };
        await new DemoAlerts(script, day, past.At, log).SendAsync();
        await new DemoAlerts(script, evening, past.At, log).CancelAsync(day);
    }

    private static void AddAccounts(AnshinDbContext db, DemoScript script, IPasswordHasher<PersonAccount> hasher,
        DateTimeOffset now)
    {
        // One hash (PBKDF2, salted) shared by the demo accounts: they share the demo password anyway.
        string? hash = null;
        foreach (var a in script.Accounts)
        {
            var account = new PersonAccount
            {
                UserId = a.Id,
                DisplayName = a.Name,
                UnitId = a.Unit,
                Roles = a.Roles.ToList(),
                PasswordHash = "",
                PasswordSetAt = now,
                CreatedAt = now,
            };
            account.PasswordHash = hash ??= hasher.HashPassword(account, Password);
            db.Accounts.Add(account);
        }
    }

    private static void AddResidents(AnshinDbContext db, DemoScript script, PolicyBook book, DateTimeOffset now)
    {
        var r = script.Residents;
        for (var i = 0; i < r.Count; i++)
            db.Subscribers.Add(new Subscriber
            {
                Email = $"resident{i + 1:00}@example.jp",
                Categories = book.Categories.Select(c => c.Id).Where((_, k) => k % 3 != i % 3 || k == 0).ToList(),
                Areas = r.Areas[i % r.Areas.Count].ToList(),
                Confirmed = true,
                ConfirmedAt = now,
                CreatedAt = now,
                Token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                Organisation = i == 0 ? r.Organisation : null,
            });
    }

    /// <summary>The last working day before <paramref name="now"/>, 10:00 local: outside the duty system and
    /// inside sending hours.</summary>
    private static DateTimeOffset LastWorkingMorning(PolicyEngine engine, DateTimeOffset now)
    {
        var day = engine.Calendar.LocalDate(now).AddDays(-1);
        while (true)
        {
            var at = Local(engine, day, new TimeOnly(10, 0));
            if (!engine.Calendar.DutySystem.IsInForce(at) && engine.Calendar.SendingHours.Contains(at)) return at;
            day = day.AddDays(-1);
        }
    }

    /// <summary>Y9.3: the evening of that day, just after the book's sending hours end, when a release is held.
    /// </summary>
    private static DateTimeOffset LastEvening(PolicyEngine engine, DateTimeOffset morning) =>
        Local(engine, engine.Calendar.LocalDate(morning), engine.Book.SendingHours.End).AddMinutes(30);

    private static DateTimeOffset Local(PolicyEngine engine, DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, engine.Book.Zone.GetUtcOffset(local));
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public DateTimeOffset At => at;
        public override DateTimeOffset GetUtcNow() => at;
    }
}
