using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Consultations;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Views;
using static AnshinMail.Rules.Tests.Cases;
using static AnshinMail.Rules.Tests.Workflow.WorkflowFixture;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>
/// Y11.1 「疑義が生じた場合は、事案を主管する本部主管課と協議するとともに、必要に応じて広報相談課とも協議すること」.
/// </summary>
public sealed class ConsultationTests : IDisposable
{
    private const string Division = "jinshin-anzen-shonen";
    private static readonly string Pr = TestBook.Book.Offices.PrConsultationUnit;
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<PolicyRefusedException> Refused<T>(Func<AnshinMail.Rules.Workflow.WorkflowContext, Task<T>> op) =>
        await Assert.ThrowsAsync<PolicyRefusedException>(() => _f.Do(op));

    private Task<Draft> NewDraft() => _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input()));

    [Fact]
    public async Task Y11_1_AWriterConsultsTheDivisionInCharge_TheAnswerStandsOnTheDraftForTheApprover()
    {
        var draft = await NewDraft();
        Assert.Contains(DraftAction.Consult, (await _f.Do(w => new ViewDraft(w).RunAsync(Staff(), draft.Id))).NextActions);
        var asked = await _f.Do(w => new AskConsultation(w).RunAsync(Staff(), draft.Id,
            ConsultationTarget.DivisionInCharge, "被害児童の学校名を伏せる範囲について"));
        Assert.Equal((RequestKind.Consultation, Division, draft.Id), (asked.Kind, asked.ToUnitId, asked.DraftId));
        Assert.Equal(1, asked.DraftVersion);
        Assert.Contains("声かけ事案の発生", asked.Subject);
        Assert.Contains("下校中の女子児童", asked.Body);
        Assert.Contains(await _f.Do(w => new IncomingRequests(w).RunAsync(Division)), r => r.Id == asked.Id);

        var open = await _f.Do(w => new ViewDraft(w).RunAsync(Distributor(), draft.Id));
        Assert.Equal(RequestStatus.Open, Assert.Single(open.Consultations).Status);

        var consulted = await _f.Do(w => new ViewRequest(w).RunAsync(Staff(Division, "hq1"), asked.Id));
        Assert.Equal([RequestAction.Answer], consulted.NextActions);
        await _f.Do(w => new AnswerConsultation(w).RunAsync(Staff(Division, "hq1"), asked.Id, "学校名は伏せてください。"));
        var answered = Assert.Single((await _f.Do(w => new ViewDraft(w).RunAsync(Distributor(), draft.Id))).Consultations);
        Assert.Equal((RequestStatus.Done, "学校名は伏せてください。", "hq1"), (answered.Status, answered.Answer, answered.HandledBy));
    }

    [Fact]
    public async Task Y11_1_AnApproverConsultsThePrConsultationUnit_AndThePickedDivision()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), Input() with { DivisionInCharge = "seikatsu-anzen-kikaku" }));
        var pr = await _f.Do(w => new AskConsultation(w).RunAsync(Distributor(), draft.Id,
            ConsultationTarget.PrConsultation, "報道発表前の配信でよいか"));
        Assert.Equal(Pr, pr.ToUnitId);
        var division = await _f.Do(w => new AskConsultation(w).RunAsync(PrOfficer(), draft.Id,
            ConsultationTarget.DivisionInCharge, "主管課の見解"));
        Assert.Equal("seikatsu-anzen-kikaku", division.ToUnitId);
    }

    [Fact]
    public async Task Y11_1_RefusalsForOtherUnitsEmptyQuestionsAndTwiceAnswered()
    {
        var draft = await NewDraft();
        Assert.Contains((await Refused(w => new AskConsultation(w).RunAsync(Staff("nagano-minami", "minami1"), draft.Id,
            ConsultationTarget.DivisionInCharge, "質問"))).Findings, f => f.Code == "unit.other");
        Assert.Contains((await Refused(w => new AskConsultation(w).RunAsync(Staff(), draft.Id,
            ConsultationTarget.DivisionInCharge, "  "))).Findings, f => f.Code == "consultation.question" && f.Clause == "Y11.1");
        var asked = await _f.Do(w => new AskConsultation(w).RunAsync(Staff(), draft.Id, ConsultationTarget.DivisionInCharge, "質問"));
        Assert.Contains((await Refused(w => new AnswerConsultation(w).RunAsync(Staff(Pr, "pr-hq"), asked.Id, "回答"))).Findings,
            f => f.Code == "unit.other");
        Assert.Contains((await Refused(w => new CompleteRequest(w).RunAsync(Staff(Division, "hq1"), asked.Id))).Findings,
            f => f.Code == "consultation.answer");
        Assert.Contains((await Refused(w => new AnswerConsultation(w).RunAsync(Staff(Division, "hq1"), asked.Id, ""))).Findings,
            f => f.Code == "consultation.answer");
        await _f.Do(w => new AnswerConsultation(w).RunAsync(Staff(Division, "hq1"), asked.Id, "回答"));
        Assert.Contains((await Refused(w => new AnswerConsultation(w).RunAsync(Staff(Division, "hq1"), asked.Id, "再回答"))).Findings,
            f => f.Code == "request.closed");
    }

    [Fact]
    public async Task Y11_1_TheDivisionInChargeDoesNotConsultItself_ButMayAskThePrConsultationUnit()
    {
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(Division, "hq1"), Input()));
        Assert.Contains((await Refused(w => new AskConsultation(w).RunAsync(Staff(Division, "hq1"), draft.Id,
            ConsultationTarget.DivisionInCharge, "質問"))).Findings, f => f.Code == "consultation.own-unit");
        var pr = await _f.Do(w => new AskConsultation(w).RunAsync(Staff(Division, "hq1"), draft.Id,
            ConsultationTarget.PrConsultation, "質問"));
        Assert.Equal(Pr, pr.ToUnitId);
    }
}
