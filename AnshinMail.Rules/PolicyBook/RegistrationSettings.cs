namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// T5: how residents register. <see cref="Address"/> takes empty mails (空メール登録); each station has its own
/// address, the local part followed by <c>-</c> and the station's id (<c>touroku-nagano-chuo@…</c>), so that a
/// poster's mailto: preselects that station. <see cref="Terms"/> and <see cref="Privacy"/> are templates (in the
/// book's templates folder) of the 利用規約 and 個人情報の取扱い pages, stated before registering.
/// </summary>
public sealed record RegistrationSettings
{
    /// <summary>The registration address that takes empty mails (空メール登録).</summary>
    public required string Address { get; init; }
    /// <summary>The template of the terms of use (利用規約), in the book's templates folder.</summary>
    public required string Terms { get; init; }
    /// <summary>The template of the privacy statement (個人情報の取扱い), in the book's templates folder.</summary>
    public required string Privacy { get; init; }

    private string Local => Address[..Address.LastIndexOf('@')];
    private string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    /// <summary>The registration address of one station.</summary>
    public string StationAddress(UnitDefinition station) => $"{Local}-{station.Id}@{Domain}";

    /// <summary>The station whose registration address <paramref name="to"/> is, if any (case ignored).</summary>
    public UnitDefinition? StationOf(PolicyBook book, string to) =>
        book.Stations.FirstOrDefault(s => string.Equals(StationAddress(s), to, StringComparison.OrdinalIgnoreCase));
}
