using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

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

    public static DraftVersion Of(Draft draft, string savedBy, DateTimeOffset at) => new()
    {
        DraftId = draft.Id,
        Version = draft.Version,
        SavedBy = savedBy,
        SavedAt = at,
        ContentHash = draft.ContentHash,
        Fields = draft.Fields,
        TargetAreas = draft.TargetAreas.ToList(),
    };
}
