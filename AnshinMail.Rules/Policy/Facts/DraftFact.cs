using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

/// <summary>配信文（案）as the rules see it, with the book's definitions resolved.</summary>
public sealed record DraftFact
{
    /// <summary>The draft's category from the book.</summary>
    public required CategoryDefinition Category { get; init; }
    /// <summary>The unit that sends (and drafts) it.</summary>
    public required UnitDefinition Unit { get; init; }
    /// <summary>T3(3): the station that asked an HQ division to send it, if any.</summary>
    public UnitDefinition? RequestingUnit { get; init; }
    /// <summary>The user ID of the draft's author.</summary>
    public required string AuthorId { get; init; }
    /// <summary>Y8: the victim, when known.</summary>
    public Victim? Victim { get; init; }
    /// <summary>The text fields of the draft.</summary>
    public required AlertFields Fields { get; init; }
    /// <summary>The areas it is to go to.</summary>
    public required IReadOnlyList<string> TargetAreas { get; init; }
    /// <summary>Y11.4: it happened near the border with a neighbouring station.</summary>
    public bool NearBorder { get; init; }
    /// <summary>The area where it happened, for Y11.4's neighbours; null when unknown.</summary>
    public string? IncidentArea { get; init; }
    /// <summary>T4(2): the risk of physical harm.</summary>
    public PhysicalHarm Harm { get; init; }
    /// <summary>T4(2): why there is a risk of physical harm, when it is 「その他」.</summary>
    public string? HarmReason { get; init; }
    /// <summary>T3(2): the HQ division in charge of the case as the writer picked it; null: the category's.</summary>
    public string? DivisionInCharge { get; init; }
    /// <summary>Y9.3: the hash of the draft's current content.</summary>
    public required string ContentHash { get; init; }
}
