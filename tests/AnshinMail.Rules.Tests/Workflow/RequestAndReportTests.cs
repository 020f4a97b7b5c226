using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
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

/// <summary>T3(2), Y11.4, T4(2), Y9.2, Y12: requests between units, after-the-fact reports, abnormality reports.</summary>
public sealed class RequestAndReportTests : IDisposable
{
    private const string Division = "jinshin-anzen-shonen";
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<PolicyRefusedException> Refused<T>(Func<AnshinMail.Rules.Workflow.WorkflowContext, Task<T>> operation) =>
        await Assert.ThrowsAsync<PolicyRefusedException>(() => _f.Do(operation));

    [Fact]
    public async Task T3_2_StationFilesADistributionRequestAndTheDivisionTakesItOver()
    {
        var request = await _f.Do(w => new FileDistributionRequest(w).RunAsync(Staff(), Input(areas: ["長野市南部"])));
        Assert.Equal(RequestKind.Distribution, request.Kind);
        Assert.Equal(Division, request.ToUnitId);
        Assert.Equal(["長野市南部"], request.Areas);
        Assert.Single(await _f.Do(w => new IncomingRequests(w).RunAsync(Division)));

        Assert.Contains((await Refused(w => new TakeOverRequest(w).RunAsync(Staff("kotsu-kikaku", "kotsu1"), request.Id))).Findings, f => f.Code == "unit.other");
        var draft = await _f.Do(w => new TakeOverRequest(w).RunAsync(Staff(Division, "hq1"), request.Id));
        Assert.Equal(Division, draft.UnitId);
        Assert.Equal(Station, draft.RequestingUnitId);
        Assert.Equal(["長野市南部"], draft.TargetAreas);
        Assert.Empty(await _f.Do(w => new IncomingRequests(w).RunAsync(Division)));
        Assert.Contains((await Refused(w => new TakeOverRequest(w).RunAsync(Staff(Division, "hq1"), request.Id))).Findings, f => f.Code == "request.closed");

        // T3(3): the mail names the station that asked as the contact.
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(Division, "hq-head"), draft.Id, AllConfirmed));
        var sent = await _f.Do(w => new SendAlert(w).RunAsync(Staff(Division, "hq1"), draft.Id, true));
        await using var db = _f.Open();
        var alert = await db.Alerts.SingleAsync(a => a.Id == sent.AlertId);
        Assert.Contains(TestBook.Book.Unit(Station).Name, alert.Body);
        Assert.Equal(Station, (await db.LedgerEntries.SingleAsync()).RequestingUnitId);
    }

    [Fact]
    public async Task T3_2_AtNightTheRequestGoesToTheDutyDesk()
    {
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 21, 0));
        var request = await _f.Do(w => new FileDistributionRequest(w).RunAsync(Staff(), Input(areas: ["長野市南部"])));
        Assert.Equal(TestBook.Book.Offices.DutyDeskUnit, request.ToUnitId);
    }

    [Fact]
    public async Task T3_2_NoRequestWhenEverythingIsInTheJurisdiction()
    {
        var e = await Refused(w => new FileDistributionRequest(w).RunAsync(Staff(), Input()));
        Assert.Contains(e.Findings, f => f.Code == "request.not-needed");
    }

    [Fact]
    public async Task T3_2_MixedAreasSendOwnPartAndRequestTheRest()
    {
        var sent = await _f.SentAlert(areas: ["長野市北部", "長野市南部"]);
        await using var db = _f.Open();
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal(["長野市北部"], alert.Areas);
        var requests = await db.Requests.Where(r => sent.RequestIds.Contains(r.Id)).ToListAsync();
        Assert.Contains(requests, r => r.Kind == RequestKind.Distribution && r.Areas.SequenceEqual(["長野市南部"]));
    }

    [Fact]
    public async Task Y11_4_NearBorderAlertFilesShareRequestsToNeighbours()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input() with { NearBorder = true, IncidentArea = "長野市北部" }));
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draft.Id, true));
        await using var db = _f.Open();
        var shares = await db.Requests.Where(r => r.Kind == RequestKind.Share).Select(r => r.ToUnitId).ToListAsync();
        Assert.NotEmpty(shares);
        Assert.All(shares, s => Assert.Contains(TestBook.Book.Unit(Station).Neighbours, n => n.Unit == s));
    }

    [Fact]
    public async Task T4_2_YahooRelayRequestAfterSendingAndDoneByTheRelayDivision()
    {
        var sent = await _f.SentAlert("child-safety");
        var relay = TestBook.Book.Offices.YahooRelayUnit;
        var request = Assert.Single(await _f.Do(w => new IncomingRequests(w).RunAsync(relay)), r => r.Kind == RequestKind.YahooRelay);
        Assert.Equal(sent.AlertId, request.AlertId);
        Assert.Contains((await Refused(w => new CompleteRequest(w).RunAsync(Staff(), request.Id))).Findings, f => f.Code == "unit.other");
        var done = await _f.Do(w => new CompleteRequest(w).RunAsync(Staff(relay, "seian1"), request.Id));
        Assert.Equal(RequestStatus.Done, done.Status);
    }

    [Fact]
    public async Task T4_2_NoYahooRelayForTraffic()
    {
        await _f.SentAlert("traffic-safety");
        await using var db = _f.Open();
        Assert.DoesNotContain(await db.Requests.ToListAsync(), r => r.Kind == RequestKind.YahooRelay);
    }

    [Fact]
    public async Task Y9_2_PrOfficerApprovalOpensAReportTheDistributorAcknowledges()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        var approval = await _f.Do(w => new ApproveDraft(w).RunAsync(PrOfficer(), draft.Id, AllConfirmed with { DistributorAbsent = true }));
        Assert.Equal(ApprovalRegime.PrOfficer, approval.Regime);
        var report = Assert.Single(await _f.Do(w => new OpenPostReports(w).RunAsync(Station)));
        await using (var db = _f.Open())
            Assert.Equal("未報告", (await db.LedgerEntries.SingleAsync()).PostReportStatus);

        Assert.Contains((await Refused(w => new AcknowledgePostReport(w).RunAsync(Staff(), report.Id))).Findings, f => f.Code == "post-report.not-distributor");
        await _f.Do(w => new AcknowledgePostReport(w).RunAsync(Distributor(), report.Id));
        Assert.Empty(await _f.Do(w => new OpenPostReports(w).RunAsync(Station)));
        await using (var db = _f.Open())
            Assert.Equal("報告済み", (await db.LedgerEntries.SingleAsync()).PostReportStatus);
    }

    [Fact]
    public async Task Y9_2_DutyOfficerAtNightOwesAReport()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        _f.Clock.SetUtcNow(Jst(2026, 11, 28, 10)); // Saturday: duty system
        var approval = await _f.Do(w => new ApproveDraft(w).RunAsync(DutyOfficer(), draft.Id, AllConfirmed));
        Assert.Equal(ApprovalRegime.DutyOfficer, approval.Regime);
        Assert.Single(await _f.Do(w => new OpenPostReports(w).RunAsync(Station)));
    }

    [Fact]
    public async Task Y12_3_AbnormalityReportsReachOnlyTheSecurityManager()
    {
        await _f.Do(w => new ReportAbnormality(w).RunAsync(Staff(), "誤った地域に配信された可能性があります。"));
        Assert.Contains((await Refused(w => new ReportAbnormality(w).RunAsync(Staff(), ""))).Findings, f => f.Code == "abnormality.description");
        Assert.Contains((await Refused(w => new AbnormalityReports(w).RunAsync(Distributor()))).Findings, f => f.Code == "abnormality.not-security-manager");
        var reports = await _f.Do(w => new AbnormalityReports(w).RunAsync(SecurityManager));
        Assert.Equal("誤った地域に配信された可能性があります。", Assert.Single(reports).Description);
    }
}
