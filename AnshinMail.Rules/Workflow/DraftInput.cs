using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Workflow;

/// <summary>What a staff member types into a draft form (a command, never an entity).</summary>
public sealed record DraftInput
{
    /// <summary>The id of the draft's category in the policy book.</summary>
    public required string CategoryId { get; init; }
    /// <summary>The text fields of the message.</summary>
    public AlertFields Fields { get; init; } = new();
    /// <summary>The areas the draft is to go to.</summary>
    public IReadOnlyList<string> TargetAreas { get; init; } = [];
    /// <summary>Y11.4: it happened near the border with a neighbouring station.</summary>
    public bool NearBorder { get; init; }
    /// <summary>Y11.4: the area where it happened, when known.</summary>
    public string? IncidentArea { get; init; }
    /// <summary>T4(2): the risk of physical harm.</summary>
    public PhysicalHarm Harm { get; init; }
    /// <summary>T4(2): the reason of an 「その他身体に危害が及ぶおそれ」.</summary>
    public string? HarmReason { get; init; }
    /// <summary>T3(2): the HQ division in charge of the case; null: the category's.</summary>
    public string? DivisionInCharge { get; init; }
    /// <summary>Y8: the victim's age, when known.</summary>
    public int? VictimAge { get; init; }
    /// <summary>Y8: the victim's sex, when known.</summary>
    public Sex? VictimSex { get; init; }
}

/// <summary>Y9.2, Y11.1: an approver's decision.</summary>
public sealed record ApprovalInput
{
    /// <summary>Y11.1: the ids of the book's privacy confirmations the approver ticked (all are required).</summary>
    public required IReadOnlySet<string> Confirmations { get; init; }
    /// <summary>The PR officer states the distributor is absent (Y9.2 ただし書き).</summary>
    public bool DistributorAbsent { get; init; }
}

/// <summary>What a draft would look like and what the policy says of it, without saving anything.</summary>
public sealed record DraftPreview(PolicyVerdict Verdict, Templates.RenderedMessage Message)
{
    /// <summary>Y9.4: whether sending hours are open now, and when a held send would go out.</summary>
    public required Views.SendingWindow Window { get; init; }
}

/// <summary>Y9.3 and Y9.4: how the release of an approved draft ended.</summary>
public sealed record SendOutcome(long AlertId, SendTiming Timing, DateTimeOffset At, IReadOnlyList<long> RequestIds);

/// <summary>A draft as its unit sees it: the text residents would read, what the policy says, its history.</summary>
public sealed record DraftView(
    Storage.Draft Draft, Templates.RenderedMessage Message, PolicyVerdict Verdict,
    IReadOnlyList<Storage.Approval> Approvals, IReadOnlyList<Storage.DraftVersion> Versions, Storage.Alert? Alert)
{
    /// <summary>What the person who asked may do next (Y7.2, Y9.2–Y9.4).</summary>
    public IReadOnlySet<Views.DraftAction> NextActions { get; init; } = new HashSet<Views.DraftAction>();

    /// <summary>Y9.4: whether sending hours are open now, and when a held send would go out.</summary>
    public required Views.SendingWindow Window { get; init; }

    /// <summary>Y11.1: the consultations on this draft, open and answered, oldest first (the approver sees
    /// them).</summary>
    public IReadOnlyList<Storage.UnitRequest> Consultations { get; init; } = [];

    /// <summary>Y9.2: the regime this person's approval would count under now; null when they cannot approve.</summary>
    public Views.ApproverStanding? Approving { get; init; }

    /// <summary>Y7.2: the names of the people in the draft's record (author, approvers, who saved each version).
    /// </summary>
    public required Accounts.StaffNames Names { get; init; }
}
