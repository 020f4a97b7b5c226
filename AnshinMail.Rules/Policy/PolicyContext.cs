using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

/// <summary>The policy book and what is built from it once, as a fact every session holds.</summary>
public sealed class PolicyContext(PolicyBook book)
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

    /// <summary>Y8: the victim-defined category (子供安全情報, 女性安全情報) this victim fits, if any.</summary>
    public CategoryDefinition? VictimCategoryFor(Victim v) =>
        Book.Categories.FirstOrDefault(c => c.Victim is not null && c.Victim.Admits(v.Age, v.Sex));

    /// <summary>T3(2): who takes a distribution request: the division in charge, or the HQ duty desk at night and on
    /// holidays.</summary>
    public string RequestReceiver(CategoryDefinition category, bool dutySystem) =>
        dutySystem ? Book.Offices.DutyDeskUnit : category.DivisionInCharge;

    public string UnitName(string id) => Book.FindUnit(id)?.Name ?? id;
}
