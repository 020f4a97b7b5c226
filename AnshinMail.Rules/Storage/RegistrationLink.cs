namespace AnshinMail.Rules.Storage;

/// <summary>
/// T5 空メール登録: a start link mailed in reply to an empty mail and not used yet. Using it removes it
/// (single use), and so does the address's unsubscription, so an old link never subscribes it again.
/// </summary>
public sealed class RegistrationLink
{
    public long Id { get; set; }
    /// <summary>The random nonce the signed link carries.</summary>
    public required string Nonce { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The station whose registration address the empty mail went to: its areas are preselected.</summary>
    public string? StationId { get; set; }
}
