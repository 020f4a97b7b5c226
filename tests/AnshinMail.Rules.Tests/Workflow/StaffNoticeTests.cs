using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Tests.Delivery;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Notices;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// Staff are told by mail (the alerts' transport, a real SMTP server on loopback): the unit's approvers of a draft
/// awaiting approval (Y9.2), the receiving unit of every request (T3(2)), the distributor of an owed report or
/// emergency confirmation (Y9.2, Y9.4), the security manager at once of an abnormality (Y12.3(2) 即報). Names, the
/// subject and a link; never the alert's text; a relay fault never undoes the operation.
/// </summary>
public sealed class StaffNoticeTests : IAsyncDisposable
{
    private const string Division = "jinshin-anzen-shonen";
    private readonly WorkflowFixture _f = new();
    private readonly TestSmtpServer _smtp = new TestSmtpServer().Start();
    private readonly StaffNoticeMailer _mailer;

    private static readonly Dictionary<string, string> Names = new()
    {
        ["staff1"] = "長野 太郎", ["head1"] = "中央 一郎", ["pr1"] = "広報 花子", ["duty1"] = "当直 次郎",
        ["sec1"] = "生安 管理", ["hq1"] = "本部 三郎",
    };

    public StaffNoticeTests()
    {
        _mailer = Mailer(new DeliveryOptions { Transport = "smtp", Host = "127.0.0.1", Port = _smtp.Port });
        using var db = _f.Open();
        db.Accounts.Add(new PersonAccount
        {
            UserId = "hq1", DisplayName = "本部 三郎", UnitId = Division, Roles = [Role.Staff], PasswordHash = "x",
            PasswordSetAt = _f.Clock.GetUtcNow(), CreatedAt = _f.Clock.GetUtcNow(),
        });
        db.SaveChanges();
        foreach (var a in db.Accounts.ToList())
        {
            a.DisplayName = Names[a.UserId];
            a.SetNotificationAddress($"{a.UserId}@police.example.jp");
        }
        db.SaveChanges();
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _f.Dispose();
    }

    private StaffNoticeMailer Mailer(DeliveryOptions options, IMailTransport? transport = null) => new(
        TestBook.Book, transport ?? MailTransports.Create(options), new AlertMessageFactory(TestBook.Book, options),
        new NoticeRenderer(TestBook.Book), options, _f.Clock);

    private async Task<T> Do<T>(Func<WorkflowContext, Task<T>> operation, StaffNoticeMailer? mailer = null)
    {
        await using var db = _f.Open();
        return await operation(new WorkflowContext(db, TestBook.Engine, TestBook.Renderer, _f.Clock)
        {
            Notices = mailer ?? _mailer,
        });
    }

    private List<MimeMessage> To(string userId) =>
        _smtp.Accepted.Where(m => m.To.Mailboxes.Any(x => x.Address == $"{userId}@police.example.jp")).ToList();

    private static void SaysNoAlertText(MimeMessage m)
    {
        foreach (var text in new[] { Fields.WhatHappened, Fields.WordsSaid, Fields.Place, Fields.Person.Clothing })
            Assert.DoesNotContain(text, m.TextBody + m.Subject);
    }

    [Fact]
    public async Task Y9_2_SubmittedDraft_TellsTheUnitsApproversByName_SubjectOnly()
    {
        var draft = await Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        Assert.Empty(_smtp.Accepted);
        await Do(w => new SubmitDraft(w).RunAsync(Staff(), draft.Id));
        foreach (var approver in new[] { "head1", "pr1", "duty1" })
        {
            var mail = Assert.Single(To(approver));
            Assert.Contains("承認待ち", mail.Subject);
            Assert.Contains($"{Names[approver]} 様", mail.TextBody);
            Assert.Contains("作成: 長野 太郎", mail.TextBody);
            Assert.Contains(Fields.Headline, mail.TextBody);
            Assert.Contains($"/drafts/{draft.Id}", mail.TextBody);
            Assert.DoesNotContain("staff1", mail.TextBody);
            Assert.DoesNotContain(approver, mail.TextBody);
            SaysNoAlertText(mail);
        }
        Assert.Empty(To("staff1"));
        Assert.Empty(To("sec1"));
    }

    [Fact]
    public async Task T3_2_EveryNewRequest_TellsTheReceivingUnit()
    {
        var request = await Do(w => new FileDistributionRequest(w).RunAsync(Staff(), Input(areas: ["長野市南部"])));
        var mail = Assert.Single(To("hq1"));
        Assert.Contains("配信要請", mail.Subject);
        Assert.Contains("要請者: 長野 太郎", mail.TextBody);
        Assert.Contains($"/requests/{request.Id}", mail.TextBody);
        SaysNoAlertText(mail);
        Assert.Empty(To("head1"));
    }

    [Fact]
    public async Task Y9_2_PostReportOwed_TellsTheDistributor()
    {
        var draft = await Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await Do(w => new ApproveDraft(w).RunAsync(PrOfficer(), draft.Id, AllConfirmed with
        {
            DistributorAbsent = true,
        }));
        var mail = Assert.Single(To("head1"), m => m.Subject?.Contains("事後報告") == true);
        Assert.Contains("広報 花子（広報活動責任者）", mail.TextBody);
        SaysNoAlertText(mail);
    }

    [Fact]
    public async Task Y9_4_EmergencyOnJudgement_TellsTheJudgeToConfirm()
    {
        var draft = await Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await Do(w => new ApproveDraft(w).RunAsync(Distributor(), draft.Id, AllConfirmed));
        _f.Clock.SetUtcNow(Jst(2026, 11, 27, 23, 30));
        await Do(w => new EmergencySendOnJudgement(w).RunAsync(Staff(), draft.Id, new JudgementInput
        {
            JudgeId = "head1",
            Means = JudgementMeans.InPerson,
            JudgedAt = Jst(2026, 11, 27, 23, 25),
            Conditions = AllEmergencyConditions,
            Rechecked = true,
        }));
        var mail = Assert.Single(To("head1"), m => m.Subject?.Contains("緊急配信の事後確認") == true);
        Assert.Contains("対面", mail.TextBody);
        Assert.Contains("長野 太郎が配信時間外の緊急配信", mail.TextBody);
        SaysNoAlertText(mail);
    }

    [Fact]
    public async Task Y12_3_2_Abnormality_TellsTheSecurityManagerAtOnce_WithoutItsText()
    {
        await Do(w => new ReportAbnormality(w).RunAsync(Staff(), "誤った地域に配信された疑いがあります"));
        var mail = Assert.Single(To("sec1"));
        Assert.Contains("異常の即報", mail.Subject);
        Assert.Contains("長野 太郎", mail.TextBody);
        Assert.DoesNotContain("誤った地域", mail.TextBody);
        Assert.Single(_smtp.Accepted);
    }

    [Fact]
    public async Task Y12_3_2_RelayRefusesOrIsDown_OperationStandsAndTheNoticeIsRetried()
    {
        _smtp.RefuseAlways["sec1@police.example.jp"] = 550;
        var report = await Do(w => new ReportAbnormality(w).RunAsync(Staff(), "異常"));
        await using (var db = _f.Open())
        {
            Assert.Single(await db.AbnormalityReports.ToListAsync());
            var notice = await db.StaffNotices.SingleAsync();
            Assert.Null(notice.DoneAt);
            Assert.StartsWith("550", notice.LastError);
        }
        _smtp.RefuseAlways.Clear();
        await using (var db = _f.Open()) await _mailer.DispatchAsync(db, TimeSpan.Zero, default);
        Assert.Single(To("sec1"));

        var down = Mailer(new DeliveryOptions { Transport = "smtp", Host = "127.0.0.1", Port = Ports.Next() });
        var draft = await Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));
        await Do(w => new SubmitDraft(w).RunAsync(Staff(), draft.Id), down);
        await using var after = _f.Open();
        Assert.Equal(DraftStatus.Submitted, (await after.Drafts.SingleAsync()).Status);
        Assert.NotNull((await after.StaffNotices.SingleAsync(n => n.Kind == StaffNoticeKind.AwaitingApproval))
            .LastError);
        Assert.NotEqual(0, report.Id);
    }

    [Fact]
    public async Task Y9_2_RefusedOperation_WritesNoNotice()
    {
        await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            Do(w => new ReportAbnormality(w).RunAsync(Staff(), "")));
        await using var db = _f.Open();
        Assert.Empty(await db.StaffNotices.ToListAsync());
        Assert.Empty(_smtp.Accepted);
    }

    private static readonly Gen<string> AlertText =
        Gen.Elements("あいうえお漢字カナ東西南北交差点付近男性黒色服装0123456789".ToCharArray()).ArrayOf()
            .Where(c => c.Length is >= 8 and <= 60).Select(c => "※" + new string(c));

    [Property(MaxTest = 25)]
    public Property Y9_2_NoNotice_EverCarriesTheAlertTextBeyondItsSubject() =>
        Prop.ForAll(Gen.Zip(AlertText, AlertText).ToArbitrary(), texts =>
        {
            var transport = new RecordingTransport();
            var mailer = Mailer(new DeliveryOptions(), transport);
            var fields = Fields with { WhatHappened = texts.Item1, Place = texts.Item2 };
            var draft = Do(w => new CreateDraft(w).RunAsync(Staff(), Input(fields: fields)), mailer).Result;
            Do(w => new SubmitDraft(w).RunAsync(Staff(), draft.Id), mailer).Wait();
            return transport.Handed.Count == 3 && transport.Handed.All(m =>
                !m.TextBody!.Contains(texts.Item1) && !m.TextBody.Contains(texts.Item2)
                && m.TextBody.Contains(Fields.Headline));
        });
}
