using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Storage;

/// <summary>One saved version of a draft: what was approved can always be shown again.</summary>
public sealed class DraftVersion
{
    /// <summary>The version's row number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The draft it is a version of.</summary>
    public long DraftId { get; set; }
    /// <summary>The version number, counting from 1 per draft.</summary>
    public int Version { get; set; }
    /// <summary>The user ID of who saved it.</summary>
    public required string SavedBy { get; set; }
    /// <summary>When it was saved.</summary>
    public DateTimeOffset SavedAt { get; set; }
    /// <summary>The content hash of the version, as approvals record it.</summary>
    public required string ContentHash { get; set; }
    /// <summary>The text fields as saved.</summary>
    public required AlertFields Fields { get; set; }
    /// <summary>The target areas as saved.</summary>
    public List<string> TargetAreas { get; set; } = [];

    /// <summary>The draft's current state as a new version saved by <paramref name="savedBy"/>.</summary>
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
