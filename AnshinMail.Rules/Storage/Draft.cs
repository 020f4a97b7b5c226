using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Storage;

public enum DraftStatus { Writing, Submitted, Approved, Rejected, Released }

/// <summary>配信文（案）: the message before approval; every save is kept as a <see cref="DraftVersion"/>.</summary>
public sealed class Draft
{
    public long Id { get; set; }
    public required string CategoryId { get; set; }
    /// <summary>The unit that sends it (and whose approvers approve it).</summary>
    public required string UnitId { get; set; }
    /// <summary>T3(3): the station that asked for it when an HQ division took a distribution request over.</summary>
    public string? RequestingUnitId { get; set; }
    public required string AuthorId { get; set; }
    public required AlertFields Fields { get; set; }
    public List<string> TargetAreas { get; set; } = [];
    public bool NearBorder { get; set; }
    public string? IncidentArea { get; set; }
    public PhysicalHarm Harm { get; set; }
    public int? VictimAge { get; set; }
    public Sex? VictimSex { get; set; }
    public FollowUpKind? FollowUpKind { get; set; }
    public long? FollowUpOfAlertId { get; set; }
    /// <summary>The distribution request this draft answers, when an HQ division took one over.</summary>
    public long? FromRequestId { get; set; }
    public DraftStatus Status { get; set; }
    public int Version { get; set; }
    public required string ContentHash { get; set; }
    public string? RejectionReason { get; set; }
    public long? LedgerEntryId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Victim? Victim => VictimAge is null && VictimSex is null ? null : new Victim(VictimAge, VictimSex);

    public string ComputeHash() =>
        Policy.ContentHash.Of(CategoryId, UnitId, RequestingUnitId, Fields, TargetAreas, NearBorder, IncidentArea, Harm, Victim);
}

/// <summary>One saved version of a draft: what was approved can always be shown again.</summary>
public sealed class DraftVersion
{
    public long Id { get; set; }
    public long DraftId { get; set; }
    public int Version { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string ContentHash { get; set; }
    public required AlertFields Fields { get; set; }
    public List<string> TargetAreas { get; set; } = [];
}
