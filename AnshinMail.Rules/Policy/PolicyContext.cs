using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

/// <summary>The policy book and what is built from it once, as a fact every session holds.</summary>
internal sealed class PolicyContext(PolicyBook book)
{
    public PolicyBook Book { get; } = book;
    public PrivacyScanner Scanner { get; } = new(book.PrivacyChecks);
    private readonly HashSet<string> _areas = book.AllAreas.ToHashSet();

    public bool EmergencyComplete(EmergencyFact e) => Book.EmergencyConditions.All(c => e.Conditions.Contains(c.Id));

    public IEnumerable<Statement> MissingConfirmations(ApprovalFact a) =>
        Book.PrivacyConfirmations.Where(c => !a.Confirmations.Contains(c.Id));

    public bool KnowsArea(string area) => _areas.Contains(area);

    /// <summary>Y8: the category a victim belongs in: the first whose constraint admits them, else the first without
    /// one.</summary>
    public CategoryDefinition? RightCategoryFor(Victim v) =>
        Book.Categories.FirstOrDefault(c => c.Victim is not null && c.Victim.Admits(v.Age, v.Sex))
        ?? Book.Categories.FirstOrDefault(c => c.Victim is null);

    /// <summary>T3(2): the HQ division in charge of the case: the writer's pick, else the category's.</summary>
    public string DivisionInCharge(DraftFact draft) => draft.DivisionInCharge ?? draft.Category.DivisionInCharge;

    /// <summary>T3(2): who takes a distribution request: the division in charge of the case (事案を主管する本部主管課),
    /// or the HQ duty desk at night and on holidays (夜間・休日は総合当直).</summary>
    public string RequestReceiver(DraftFact draft, bool dutySystem) =>
        dutySystem ? Book.Offices.DutyDeskUnit : DivisionInCharge(draft);

    /// <summary>T3(2): a unit the writer may name as division in charge: any HQ division of the book.</summary>
    public bool IsDivision(string id) => Book.FindUnit(id) is { Kind: UnitKind.HqDivision };

    /// <summary>Y8: the victim-defined category (子供安全情報, 女性安全情報) this victim fits, if any.</summary>
    public CategoryDefinition? VictimCategoryFor(Victim v) =>
        Book.Categories.FirstOrDefault(c => c.Victim is not null && c.Victim.Admits(v.Age, v.Sex));

    public string UnitName(string id) => Book.FindUnit(id)?.Name ?? id;
}
