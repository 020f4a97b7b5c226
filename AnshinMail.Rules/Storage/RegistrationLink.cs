namespace AnshinMail.Rules.Storage;

/// <summary>
/// T5 空メール登録: a start link mailed in reply to an empty mail and not used yet. Using it removes it
/// (single use), and so does the address's unsubscription, so an old link never subscribes it again.
/// </summary>
public sealed class RegistrationLink
{
    /// <summary>The link's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The random nonce the signed link carries.</summary>
    public required string Nonce { get; set; }
    /// <summary>The address the empty mail came from.</summary>
    public required string Email { get; set; }
    /// <summary>When the link stops working.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The station whose registration address the empty mail went to: its areas are preselected.</summary>
    public string? StationId { get; set; }
}
