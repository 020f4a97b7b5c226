using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Consultations;

/// <summary>Y11.1: the consulted unit (the division in charge, 広報相談課) answers; the answer is shown on the draft and
/// in the approval panel.</summary>
public sealed class AnswerConsultation(WorkflowContext w)
{
    /// <summary>Records <paramref name="actor"/>'s answer to consultation <paramref name="requestId"/>, as a member of
    /// the consulted unit.</summary>
    public Task<UnitRequest> RunAsync(Person actor, long requestId, string answer, CancellationToken ct = default) =>
        w.Run(actor, "consultation.answer", Refusal.Id(requestId), async () =>
        {
            UnitAccess.RequireWriter(actor);
            var request = await w.LoadRequest(requestId, ct);
            w.Access.RequireOwnUnit(actor, request.ToUnitId);
            StaffText.RequireUsable(answer, "回答", "Y11.1", "consultation.answer");
            request.Respond(actor.Id, answer ?? "", w.Now);
            return request;
        }, null, ct);
}
