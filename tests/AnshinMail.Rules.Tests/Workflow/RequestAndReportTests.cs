using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>T3(2), Y11.4, T4(2), Y9.2, Y12: requests between units, after-the-fact reports, abnormality reports, in
/// each book of rules/ (Nagano and the fictional sample prefecture): the book's station, neighbours, categories and
/// their divisions, offices and duty system. The PR officer's approval (Y9.2 ただし書き) is Nagano's alone.</summary>
public sealed class RequestAndReportTests
{
    public static TheoryData<string> Books => BookCases.Both;

    /// <summary>The division in charge of the book's child category: where the station's requests go by day.</summary>
    private static string Division(BookCases b) => b.ChildCategory.DivisionInCharge;

    /// <summary>The first area of the station's first neighbour: outside the station, so a distribution request.</summary>
    private static string NeighbourArea(BookCases b) => b.Neighbour.Jurisdiction[0];

    private static async Task<PolicyRefusedException> Refused<T>(WorkflowFixture f, Func<WorkflowContext, Task<T>> operation) =>
        await Assert.ThrowsAsync<PolicyRefusedException>(() => f.Do(operation));

    [Theory]
    [MemberData(nameof(Books))]
    public async Task T3_2_StationFilesADistributionRequestAndTheDivisionTakesItOver(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var division = Division(b);
        var otherDivision = b.Book.Divisions.First(d => d.Id != division).Id;
        var request = await f.Do(w => new FileDistributionRequest(w).RunAsync(b.Staff(), f.InputInBook(areas: [NeighbourArea(b)])));
        Assert.Equal(RequestKind.Distribution, request.Kind);
        Assert.Equal(division, request.ToUnitId);
        Assert.Equal([NeighbourArea(b)], request.Areas);
        Assert.Single(await f.Do(w => new IncomingRequests(w).RunAsync(division)));

        Assert.Contains((await Refused(f, w => new TakeOverRequest(w).RunAsync(b.Staff(otherDivision, "other1"), request.Id))).Findings, x => x.Code == "unit.other");
        var draft = await f.Do(w => new TakeOverRequest(w).RunAsync(b.Staff(division, "hq1"), request.Id));
        Assert.Equal(division, draft.UnitId);
        Assert.Equal(b.Station.Id, draft.RequestingUnitId);
        Assert.Equal([NeighbourArea(b)], draft.TargetAreas);
        Assert.Empty(await f.Do(w => new IncomingRequests(w).RunAsync(division)));
        Assert.Contains((await Refused(f, w => new TakeOverRequest(w).RunAsync(b.Staff(division, "hq1"), request.Id))).Findings, x => x.Code == "request.closed");

        // T3(3): the mail names the station that asked as the contact.
        await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(division, "hq-head"), draft.Id, f.AllConfirmedInBook));
        var sent = await f.Do(w => new SendAlert(w).RunAsync(b.Staff(division, "hq1"), draft.Id, true));
        await using var db = f.Open();
        var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.Contains(b.Station.Name, alert.Body);
        Assert.Equal(b.Station.Id, (await db.LedgerEntries.SingleAsync()).RequestingUnitId);
    }

    /// <summary>An hour into the book's weekday duty system (Friday evening).</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task T3_2_AtNightTheRequestGoesToTheDutyDesk(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        f.Clock.SetUtcNow(BookCases.On(2026, 11, 27, b.Book.DutySystem.WeekdayStart.AddHours(1)));
        var request = await f.Do(w => new FileDistributionRequest(w).RunAsync(b.Staff(), f.InputInBook(areas: [NeighbourArea(b)])));
        Assert.Equal(b.Book.Offices.DutyDeskUnit, request.ToUnitId);
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task T3_2_NoRequestWhenEverythingIsInTheJurisdiction(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var e = await Refused(f, w => new FileDistributionRequest(w).RunAsync(f.Book.Staff(), f.InputInBook()));
        Assert.Contains(e.Findings, x => x.Code == "request.not-needed");
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task T3_2_MixedAreasSendOwnPartAndRequestTheRest(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var sent = await f.SentAlert(areas: [b.Area, NeighbourArea(b)]);
        await using var db = f.Open();
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal([b.Area], alert.Areas);
        var requests = await db.Requests.Where(r => sent.RequestIds.Contains(r.Id)).ToListAsync();
        Assert.Contains(requests, r => r.Kind == RequestKind.Distribution && r.Areas.SequenceEqual([NeighbourArea(b)]));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y11_4_NearBorderAlertFilesShareRequestsToNeighbours(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var border = b.Station.Neighbours.SelectMany(n => n.BorderAreas).First();
        var draft = await f.Do(w => new CreateDraft(w).RunAsync(b.Staff(), f.InputInBook() with { NearBorder = true, IncidentArea = border }));
        await f.Do(w => new ApproveDraft(w).RunAsync(b.Distributor(), draft.Id, f.AllConfirmedInBook));
        await f.Do(w => new SendAlert(w).RunAsync(b.Staff(), draft.Id, true));
        await using var db = f.Open();
        var shares = await db.Requests.Where(r => r.Kind == RequestKind.Share).Select(r => r.ToUnitId).ToListAsync();
        Assert.NotEmpty(shares);
        Assert.All(shares, s => Assert.Contains(b.Station.Neighbours, n => n.Unit == s));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task T4_2_YahooRelayRequestAfterSendingAndDoneByTheRelayDivision(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var always = b.Book.Categories.First(c => c.YahooRelay == YahooRelayMode.Always);
        var sent = await f.SentAlert(always.Id);
        var relay = b.Book.Offices.YahooRelayUnit;
        var request = Assert.Single(await f.Do(w => new IncomingRequests(w).RunAsync(relay)), r => r.Kind == RequestKind.YahooRelay);
        Assert.Equal(sent.AlertId, request.AlertId);
        Assert.Contains((await Refused(f, w => new CompleteRequest(w).RunAsync(b.Staff(), request.Id))).Findings, x => x.Code == "unit.other");
        var done = await f.Do(w => new CompleteRequest(w).RunAsync(b.Staff(relay, "relay1"), request.Id));
        Assert.Equal(RequestStatus.Done, done.Status);
    }

    /// <summary>A category the book never relays (Nagano's traffic safety, the sample book's くらしの安全).</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task T4_2_NoYahooRelayForACategoryThatNeverRelays(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var never = f.Book.Book.Categories.First(c => c.YahooRelay == YahooRelayMode.Never);
        await f.SentAlert(never.Id);
        await using var db = f.Open();
        Assert.DoesNotContain(await db.Requests.ToListAsync(), r => r.Kind == RequestKind.YahooRelay);
    }

    /// <summary>Nagano only: its book has the PR officer approve when the distributor is absent (Y9.2 ただし書き); the
    /// sample book has no such deputy (approval.prOfficerApprovesWhenDistributorAbsent, tested over both books in
    /// ApproverBothBooksTests).</summary>
    [Fact]
    public async Task Y9_2_PrOfficerApprovalOpensAReportTheDistributorAcknowledges()
    {
        using var f = new WorkflowFixture();
        var draft = await f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        var approval = await f.Do(w => new ApproveDraft(w).RunAsync(PrOfficer(), draft.Id, AllConfirmed with { DistributorAbsent = true }));
        Assert.Equal(ApprovalRegime.PrOfficer, approval.Regime);
        var report = Assert.Single(await f.Do(w => new OpenPostReports(w).RunAsync(Station)));
        await using (var db = f.Open())
            Assert.Equal("未報告", (await db.LedgerEntries.SingleAsync()).PostReportStatus);

        Assert.Contains((await Refused(f, w => new AcknowledgePostReport(w).RunAsync(Staff(), report.Id))).Findings, x => x.Code == "post-report.not-distributor");
        await f.Do(w => new AcknowledgePostReport(w).RunAsync(Distributor(), report.Id));
        Assert.Empty(await f.Do(w => new OpenPostReports(w).RunAsync(Station)));
        await using (var db = f.Open())
            Assert.Equal("報告済み", (await db.LedgerEntries.SingleAsync()).PostReportStatus);
    }

    /// <summary>On the book's next all-day duty day (Nagano: Saturday, the sample book: Sunday), at the working hour
    /// of the day cases.</summary>
    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y9_2_DutyOfficerAtNightOwesAReport(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var draft = await f.Do(w => new CreateDraft(w).RunAsync(b.Staff(), f.InputInBook()));
        var dutyDay = Enumerable.Range(1, 7).Select(d => WorkingHours.AddDays(d))
            .First(t => b.Book.DutySystem.AllDayWeekdays.Contains(t.DayOfWeek));
        f.Clock.SetUtcNow(dutyDay);
        var approval = await f.Do(w => new ApproveDraft(w).RunAsync(b.DutyOfficer(), draft.Id, f.AllConfirmedInBook));
        Assert.Equal(ApprovalRegime.DutyOfficer, approval.Regime);
        Assert.Single(await f.Do(w => new OpenPostReports(w).RunAsync(b.Station.Id)));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Y12_3_AbnormalityReportsReachOnlyTheSecurityManager(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        await f.Do(w => new ReportAbnormality(w).RunAsync(b.Staff(), "誤った地域に配信された可能性があります。"));
        Assert.Contains((await Refused(f, w => new ReportAbnormality(w).RunAsync(b.Staff(), ""))).Findings, x => x.Code == "abnormality.description");
        Assert.Contains((await Refused(f, w => new AbnormalityReports(w).RunAsync(b.Distributor()))).Findings, x => x.Code == "abnormality.not-security-manager");
        var reports = await f.Do(w => new AbnormalityReports(w).RunAsync(b.SecurityManager));
        Assert.Equal("誤った地域に配信された可能性があります。", Assert.Single(reports).Description);
    }
}
