using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Notices;

/// <summary>One notice as it is mailed: to whom (accounts with an address) and what it says to each.</summary>
internal sealed record NoticeLetter(List<PersonAccount> To, Func<PersonAccount, StaffNoticeModel> Model);

/// <summary>
/// Who is told of what (Y9.2 the unit's approvers, T3(2) the receiving unit, Y9.2 and Y9.4 the distributor,
/// Y12.3(2) the security manager), chosen through <see cref="UnitAccess"/>; and what they are told: names, the
/// subject, a link; never the alert's text.
/// </summary>
internal sealed class NoticeRecipients(AnshinDbContext db, PolicyBook book, string baseUrl)
{
    private readonly Calendar.PolicyCalendar _calendar = new(book);

    public async Task<NoticeLetter?> LetterAsync(StaffNotice n, CancellationToken ct) => n.Kind switch
    {
        StaffNoticeKind.AwaitingApproval => await Awaiting(n.SubjectId, ct),
        StaffNoticeKind.Request => await Request(n.SubjectId, ct),
        StaffNoticeKind.PostReport => await PostReport(n.SubjectId, ct),
        StaffNoticeKind.EmergencyConfirmation => await Emergency(n.SubjectId, ct),
        _ => await Abnormality(n.SubjectId, ct),
    };

    private async Task<NoticeLetter?> Awaiting(long id, CancellationToken ct)
    {
        if (await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } d) return null;
        return await Letter(p => UnitAccess.MayApprove(p, d.UnitId), d.UnitId, "", Subject(d.CategoryId,
            d.Fields.Headline), d.AuthorId, d.UpdatedAt, $"/drafts/{id}", ct);
    }

    private async Task<NoticeLetter?> Request(long id, CancellationToken ct)
    {
        if (await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } r) return null;
        var subject = r.AlertId is { } alertId
            ? await db.Alerts.AsNoTracking().Where(a => a.Id == alertId).Select(a => a.Subject).SingleOrDefaultAsync(ct)
            : r.Draft() is { } input ? Subject(input.CategoryId, input.Fields.Headline) : "";
        return await Letter(p => UnitAccess.MaySend(p, r.ToUnitId), r.FromUnitId, KindName(r.Kind), subject ?? "",
            r.CreatedBy, r.CreatedAt, $"/requests/{id}", ct);
    }

    private async Task<NoticeLetter?> PostReport(long id, CancellationToken ct)
    {
        if (await db.PostReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } r) return null;
        var d = await db.Drafts.AsNoTracking().SingleAsync(x => x.Id == r.DraftId, ct);
        var role = r.Regime == ApprovalRegime.DutyOfficer ? "当直責任者" : "広報活動責任者";
        return await Letter(p => UnitAccess.MayJudge(p, r.UnitId), r.UnitId, role,
            Subject(d.CategoryId, d.Fields.Headline), r.ReporterId, r.CreatedAt, "/", ct);
    }

    private async Task<NoticeLetter?> Emergency(long id, CancellationToken ct)
    {
        if (await db.EmergencyJudgements.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is not { } j)
            return null;
        var subject = await db.Alerts.AsNoTracking().Where(a => a.Id == j.AlertId).Select(a => a.Subject)
            .SingleAsync(ct);
        var letter = await Letter(p => p.Id == j.JudgeId && UnitAccess.MayJudge(p, j.UnitId), j.UnitId,
            Ledger.LedgerCsv.MeansName(j.Means), subject, j.OperatorId, j.JudgedAt, "/", ct);
        return letter;
    }

    private async Task<NoticeLetter?> Abnormality(long id, CancellationToken ct)
    {
        if (await db.AbnormalityReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } r)
            return null;
        // Y12.3(2) 即報: that there is one, from whom; the description is read in the system.
        return await Letter(p => p.IsSecurityManager(book), r.UnitId, "", "", r.ReporterId, r.At, "/admin/audit", ct);
    }

    private async Task<NoticeLetter> Letter(Func<Person, bool> recipient, string unitId, string what, string subject,
        string personId, DateTimeOffset at, string path, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => !a.Disabled).ToListAsync(ct);
        var person = accounts.FirstOrDefault(a => a.UserId == personId)?.DisplayName ?? "（不明な職員）";
        var to = accounts.Where(a => a.NotificationAddress != null && recipient(a.ToPerson()))
            .OrderBy(a => a.Id).ToList();
        return new NoticeLetter(to, a => new StaffNoticeModel
        {
            SystemName = book.SystemName,
            RecipientName = a.DisplayName,
            UnitName = book.FindUnit(unitId)?.Name ?? "",
            What = what,
            Subject = subject,
            PersonName = person,
            At = JapaneseDateText.DateTime(_calendar.ToLocal(at)),
            Url = baseUrl.TrimEnd('/') + path,
        });
    }

    private string Subject(string categoryId, string headline) =>
        $"【{book.Categories.FirstOrDefault(c => c.Id == categoryId)?.Name ?? ""}】{headline}";

    private static string KindName(RequestKind kind) => kind switch
    {
        RequestKind.Distribution => "配信要請",
        RequestKind.Share => "情報提供・配信要請",
        RequestKind.FollowUp => "解除・修正の要請",
        RequestKind.YahooRelay => "Yahoo!防災速報への情報提供要請",
        _ => "要請",
    };
}
