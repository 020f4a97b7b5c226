using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>
/// Y7.2: a draft as its unit sees it (also the unit that asked for it, and the security manager): the text
/// residents would read, what the policy says, its history, what this person may do next and when it would go out.
/// </summary>
public sealed class ViewDraft(WorkflowContext w)
{
    /// <summary>Draft <paramref name="draftId"/> as <paramref name="actor"/> sees it; refused outside the units that
    /// may read it.</summary>
    public async Task<DraftView> RunAsync(Person actor, long draftId, CancellationToken ct = default)
    {
        var draft = await w.Db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId, ct)
            ?? throw PolicyRefusedException.Because("Y9.1", "draft.unknown", $"配信文（案）{draftId} はありません。");
        w.Access.RequireReader(actor, draft.UnitId, draft.RequestingUnitId, "配信文");
        var author = new Person(draft.AuthorId, draft.UnitId, new HashSet<Role> { Role.Staff });
        var window = w.Window();
        var actions = NextActions(actor, draft, window).ToHashSet();
        // Y9.2 ただし書き: the absence is declared only where the book has the PR officer as deputy.
        if (!w.Book.Approval.PrOfficerApprovesWhenDistributorAbsent)
            actions.Remove(DraftAction.DeclareDistributorAbsent);
        return new DraftView(
            draft, await w.Render(draft, ct), await w.Evaluate(author, draft, ct),
            await w.Db.Approvals.AsNoTracking().Where(a => a.DraftId == draftId).OrderBy(a => a.Id).ToListAsync(ct),
            await new DraftVersions(w).RunAsync(draftId, ct),
            await w.Db.Alerts.AsNoTracking().Where(a => a.DraftId == draftId).OrderByDescending(a => a.Id)
                .FirstOrDefaultAsync(ct))
        {
            NextActions = actions,
            Window = window,
            Consultations = await w.Db.Requests.AsNoTracking()
                .Where(r => r.Kind == RequestKind.Consultation && r.DraftId == draftId).OrderBy(r => r.Id)
                .ToListAsync(ct),
            Approving = actions.Contains(DraftAction.Approve)
                ? await ApproverStanding.OfAsync(w, actor, draft, ct) : null,
            Names = await Accounts.StaffNames.LoadAsync(w.Db, ct),
        };
    }

    /// <summary>Y7.2, Y9.2–Y9.4: the same answers the operations give, from <see cref="UnitAccess"/> and the draft's
    /// state.</summary>
    public static IReadOnlySet<DraftAction> NextActions(Person actor, Draft draft, SendingWindow window)
    {
        var actions = new HashSet<DraftAction>();
        var writer = UnitAccess.MaySend(actor, draft.UnitId);
        var status = draft.Status;
        if (writer && status != DraftStatus.Released) actions.Add(DraftAction.Edit);
        if (writer && status is DraftStatus.Writing or DraftStatus.Rejected) actions.Add(DraftAction.Submit);
        if (UnitAccess.MayApprove(actor, draft.UnitId)
            && status is DraftStatus.Writing or DraftStatus.Submitted or DraftStatus.Rejected)
        {
            actions.Add(DraftAction.Approve);
            actions.Add(DraftAction.Reject);
            if (actor.Has(Role.PrOfficer)) actions.Add(DraftAction.DeclareDistributorAbsent);
        }
        if (writer && status == DraftStatus.Approved) actions.Add(DraftAction.Send);
        if (status == DraftStatus.Approved && !window.OpenNow && UnitAccess.MayJudge(actor, draft.UnitId))
            actions.Add(DraftAction.EmergencySend);
        else if (writer && status == DraftStatus.Approved && !window.OpenNow)
            actions.Add(DraftAction.EmergencySendOnJudgement);
        if (status != DraftStatus.Released && UnitAccess.MayConsult(actor, draft.UnitId))
            actions.Add(DraftAction.Consult);
        return actions;
    }
}
