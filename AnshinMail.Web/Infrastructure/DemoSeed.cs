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
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// The demo a fresh `dotnet run` starts with (only into an empty database): a station and its approvers,
/// an HQ division, the security manager, the HQ duty desk (night requests), 広報相談課 (consultations), a
/// neighbouring station (shares), residents, and a few alerts sent through the real workflow.
/// </summary>
public static class DemoSeed
{
    public const string Password = "anshin-demo-2026";
    public const string Station = "nagano-chuo";
    public const string Division = "jinshin-anzen-shonen";

    public static readonly (string Id, string Name, string Unit, Role[] Roles)[] People =
    [
        ("demo-staff", "長野 太郎（署員）", Station, [Role.Staff]),
        ("demo-head", "中央 一郎（署長・情報配信者）", Station, [Role.Distributor, Role.Staff]),
        ("demo-pr", "広報 花子（広報活動責任者）", Station, [Role.PrOfficer, Role.Staff]),
        ("demo-duty", "当直 次郎（当直責任者）", Station, [Role.DutyOfficer, Role.Staff]),
        ("demo-hq", "本部 三郎（人身安全少年課）", Division, [Role.Staff]),
        ("demo-hq-head", "本部 課長（人身安全少年課・情報配信者）", Division, [Role.Distributor, Role.Staff]),
        ("demo-admin", "生安 管理（システムセキュリティ責任者）", "seikatsu-anzen-kikaku", [Role.SecurityManager, Role.Staff]),
        ("demo-desk", "総合 当番（総合当直）", "sogo-tochoku", [Role.Staff]),
        ("demo-koho", "相談 四郎（広報相談課）", "koho-sodan", [Role.Staff]),
        ("demo-minami", "南 五郎（長野南警察署）", "nagano-minami", [Role.Staff]),
    ];

    public static async Task RunAsync(IServiceProvider services, ILogger log)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
        if (await db.Accounts.AnyAsync()) return;
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PersonAccount>>();
        var book = scope.ServiceProvider.GetRequiredService<PolicyBook>();
        // The demo is written for the Nagano book; another prefecture's book starts empty instead.
        if (People.Any(p => book.FindUnit(p.Unit) is null))
        {
            log.LogInformation("Demo not seeded: the policy book {Book} does not have the demo's units",
                book.SourcePath);
            return;
        }
        var now = clock.GetUtcNow();
        // One hash (PBKDF2, salted) shared by the demo accounts: they share the demo password anyway.
        string? hash = null;
        foreach (var (id, name, unit, roles) in People)
        {
            var account = new PersonAccount
            {
                UserId = id,
                DisplayName = name,
                UnitId = unit,
                Roles = roles.ToList(),
                PasswordHash = "",
                PasswordSetAt = now,
                CreatedAt = now,
            };
            account.PasswordHash = hash ??= hasher.HashPassword(account, Password);
            db.Accounts.Add(account);
        }
        string[][] areas = [["長野市北部"], ["長野市北部", "信濃町"], ["飯綱町"], ["長野市南部"]];
        for (var i = 0; i < 24; i++)
            db.Subscribers.Add(new Subscriber
            {
                Email = $"resident{i + 1:00}@example.jp",
                Categories = book.Categories.Select(c => c.Id).Where((_, k) => k % 3 != i % 3 || k == 0).ToList(),
                Areas = areas[i % areas.Length].ToList(),
                Confirmed = true,
                ConfirmedAt = now,
                CreatedAt = now,
                Token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                Organisation = i == 0 ? "長野市教育委員会" : null,
            });
        await db.SaveChangesAsync();
        // The sample alerts are dated on the last working day at 10:00, so that they were sent inside
        // sending hours whatever the hour of the first run; delivery then runs as usual.
        var engine = scope.ServiceProvider.GetRequiredService<PolicyEngine>();
        var past = new FixedClock(LastWorkingMorning(engine, now));
        // 訓練: a drill's demo alerts are the drill's (marked, kept from any real archive).
        var drill = scope.ServiceProvider.GetRequiredService<AnshinMail.Rules.Drill.DrillMode>();
        var workflow = new WorkflowContext(db, engine, scope.ServiceProvider.GetRequiredService<MessageRenderer>(),
            past) { Drill = drill };
        var evening = new WorkflowContext(db, engine, scope.ServiceProvider.GetRequiredService<MessageRenderer>(),
            new FixedClock(past.GetUtcNow().AddHours(12.5))) { Drill = drill };
        await SendSamples(workflow, book, past, log);
        await CancelledSample(workflow, evening, book, log);
    }

    private static async Task SendSamples(WorkflowContext workflow, PolicyBook book, TimeProvider clock, ILogger log)
    {
        var staff = Person("demo-staff");
        var head = Person("demo-head");
        var confirmations =
            new ApprovalInput { Confirmations = book.PrivacyConfirmations.Select(c => c.Id).ToHashSet() };
        var today = clock.GetUtcNow();
        try
        {
            var child = await Send(workflow, staff, head, confirmations, new DraftInput
            {
                CategoryId = "child-safety", TargetAreas = ["長野市北部"], VictimAge = 10, VictimSex = Sex.Female,
                Fields = new AlertFields
                {
                    Headline = "声かけ事案の発生", OccurredAt = today.AddDays(-1), Place = "長野市大字鶴賀地籍の路上",
                    WhatHappened = "下校中の女子児童が、男から声をかけられる事案が発生しました。", WordsSaid = "「お菓子をあげるから車に乗らない？」",
                    Person = new PersonInvolved { Sex = "男", Age = "40歳くらい", Build = "やせ型", Clothing = "黒色のジャンパー" },
                    Advice = "子どもには「いかのおすし」を教えましょう。",
                },
            });
            var bear = await Send(workflow, staff, head, confirmations, new DraftInput
            {
                CategoryId = "crime-prevention", TargetAreas = ["飯綱町"], Harm = PhysicalHarm.DangerousAnimal,
                Fields = new AlertFields
                {
                    Headline = "クマの目撃情報", OccurredAt = today.AddHours(-5), Place = "飯綱町大字牟礼地籍の農道",
                    WhatHappened = "体長約1メートルのクマ1頭が目撃されました。", Advice = "付近を通行する際は十分注意してください。",
                },
            });
            await Send(workflow, staff, head, confirmations, new DraftInput
            {
                CategoryId = "traffic-safety", TargetAreas = ["長野市北部", "信濃町"],
                Fields = new AlertFields
                {
                    Headline = "年末の交通安全県民運動", WhatHappened = "12月11日から年末の交通安全運動が始まります。",
                    Advice = "夕暮れ時は早めのライト点灯を。",
                },
            });
            var correction = await new CreateFollowUp(workflow).RunAsync(staff, bear, FollowUpKind.Correction);
            await new EditDraft(workflow).RunAsync(staff, correction.Id, correction.ToInput() with
            {
                Fields = correction.Fields with
                {
                    Headline = "クマの目撃情報（体長の訂正）",
                    FollowUp = new FollowUpFields { Wrong = "体長約1メートル", Right = "体長約1.5メートル" },
                },
            });
            await Release(workflow, staff, head, confirmations, correction.Id);
            var resolution = await new CreateFollowUp(workflow).RunAsync(staff, child, FollowUpKind.Resolution);
            await new EditDraft(workflow).RunAsync(staff, resolution.Id, resolution.ToInput() with
            {
                Fields = resolution.Fields with { Headline = "声かけ事案", WhatHappened = "行為者が判明しました。" },
            });
            await Release(workflow, staff, head, confirmations, resolution.Id);
        }
        catch (PolicyRefusedException e)
        {
            // Outside sending hours the samples are scheduled, not refused; anything else is worth a line in the log.
            log.LogWarning("Demo alerts not all created: {Reason}", e.Message);
        }
    }

    /// <summary>Y9.3: a traffic notice released in the evening (held to the next morning) and cancelled before its
    /// time.</summary>
    private static async Task CancelledSample(WorkflowContext day, WorkflowContext evening, PolicyBook book,
        ILogger log)
    {
        var staff = Person("demo-staff");
        var confirmations =
            new ApprovalInput { Confirmations = book.PrivacyConfirmations.Select(c => c.Id).ToHashSet() };
        try
        {
            var draft = await new CreateDraft(day).RunAsync(staff, new DraftInput
            {
                CategoryId = "traffic-safety", TargetAreas = ["長野市北部"],
                Fields = new AlertFields { Headline = "交通規制のお知らせ", WhatHappened = "12月1日、長野市北部で交通規制が行われます。" },
            });
            await new ApproveDraft(day).RunAsync(Person("demo-head"), draft.Id, confirmations);
            var held = await new SendAlert(evening).RunAsync(staff, draft.Id, rechecked: true);
            await new CancelAlert(evening).RunAsync(staff, held.AlertId, "規制の日付に誤りがあったため、配信前に取り消しました。");
        }
        catch (PolicyRefusedException e)
        {
            log.LogWarning("Demo cancelled alert not created: {Reason}", e.Message);
        }
    }

    private static async Task<long> Send(WorkflowContext w, Person staff, Person head, ApprovalInput confirmations,
        DraftInput input)
    {
        var draft = await new CreateDraft(w).RunAsync(staff, input);
        return await Release(w, staff, head, confirmations, draft.Id);
    }

    private static async Task<long> Release(WorkflowContext w, Person staff, Person head, ApprovalInput confirmations,
        long draftId)
    {
        await new ApproveDraft(w).RunAsync(head, draftId, confirmations);
        return (await new SendAlert(w).RunAsync(staff, draftId, rechecked: true)).AlertId;
    }

    private static DateTimeOffset LastWorkingMorning(PolicyEngine engine, DateTimeOffset now)
    {
        var day = engine.Calendar.LocalDate(now).AddDays(-1);
        while (true)
        {
            var local = day.ToDateTime(new TimeOnly(10, 0));
            var at = new DateTimeOffset(local, engine.Book.Zone.GetUtcOffset(local));
            if (!engine.Calendar.DutySystem.IsInForce(at) && engine.Calendar.SendingHours.Contains(at)) return at;
            day = day.AddDays(-1);
        }
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    private static Person Person(string id)
    {
        var p = People.Single(x => x.Id == id);
        return new Person(p.Id, p.Unit, p.Roles.ToHashSet());
    }
}
