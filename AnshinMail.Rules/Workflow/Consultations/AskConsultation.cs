using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Consultations;

/// <summary>Y11.1: whom a unit in doubt consults: the division in charge of the case, and if needed 広報相談課.</summary>
public enum ConsultationTarget
{
    /// <summary>The HQ division in charge of the case (the draft's, else the category's).</summary>
    DivisionInCharge,
    /// <summary>The book's 広報相談課 (<see cref="PolicyBooks.OfficeSettings.PrConsultationUnit"/>).</summary>
    PrConsultation,
}

/// <summary>
/// Y11.1 「疑義が生じた場合は、事案を主管する本部主管課と協議するとともに、必要に応じて広報相談課とも協議すること」: a
/// writer or approver of the draft's unit asks, with the question and the draft as it reads now; the consulted unit
/// answers (<see cref="AnswerConsultation"/>) and the answer stands on the draft for the approver.
/// </summary>
public sealed class AskConsultation(WorkflowContext w)
{
    /// <summary>The longest question accepted, in characters.</summary>
    public const int QuestionMax = 2000;

    /// <summary>Files <paramref name="actor"/>'s <paramref name="question"/> about draft <paramref name="draftId"/> to
    /// <paramref name="target"/>, with the draft's text as it reads now.</summary>
    public Task<UnitRequest> RunAsync(Person actor, long draftId, ConsultationTarget target, string question,
        CancellationToken ct = default) =>
        w.Run(actor, "consultation.ask", Refusal.Id(draftId), async () =>
        {
            var draft = await w.LoadDraft(draftId, ct);
            w.Access.RequireOwnUnit(actor, draft.UnitId);
            Refusal.Require(UnitAccess.MayConsult(actor, draft.UnitId), "Y11.1", "consultation.not-writer",
                "協議ができるのは、この配信文（案）の所属の職員と承認者です。");
            Refusal.Require(draft.Status != DraftStatus.Released, "Y11.1", "consultation.released",
                "配信済み（予約済み）の配信文（案）については協議できません。");
            Refusal.Require(!string.IsNullOrWhiteSpace(question) && question.Length <= QuestionMax
                && Drafts.DraftValidation.UnusableCharacter(question) is null, "Y11.1", "consultation.question",
                $"協議の内容を{QuestionMax}文字以内で入力してください。");
            var to = Target(draft, target);
            Refusal.Require(to != draft.UnitId, "Y11.1", "consultation.own-unit",
                $"自所属が主管課です。自所属内で判断してください（必要に応じて{w.Book.Unit(w.Book.Offices.PrConsultationUnit).Name}と協議できます）。");
            var message = await w.Render(draft, ct);
            var request = UnitRequest.File(RequestKind.Consultation, actor, to, null, draft.TargetAreas, null, w.Now);
            request.DraftId = draft.Id;
            request.DraftVersion = draft.Version;
            (request.Note, request.Subject, request.Body) = (question.Trim(), message.Subject, message.Body);
            w.Db.Requests.Add(request);
            await w.Db.SaveChangesAsync(ct);
            return request;
        }, null, ct);

    private string Target(Draft draft, ConsultationTarget target) => target switch
    {
        ConsultationTarget.PrConsultation => w.Book.Offices.PrConsultationUnit,
        ConsultationTarget.DivisionInCharge =>
            draft.DivisionInCharge ?? w.Book.Category(draft.CategoryId).DivisionInCharge,
        _ => throw PolicyRefusedException.Because("Y11.1", "consultation.target", "協議先を選んでください。"),
    };
}
