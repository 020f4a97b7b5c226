using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Accounts;

/// <summary>
/// Y7.2: the names people read for the user IDs the records keep (author, approver, operator, actor): pages, the
/// print sheet, the ledger and its CSV show a person by name, never by login ID.
/// </summary>
public sealed class StaffNames(IReadOnlyDictionary<string, string> names)
{
    /// <summary>The actor of what the system does by itself (the held-send release).</summary>
    public const string SystemActor = "system";
    /// <summary>The actor of the first security manager's creation on the server (setup-admin).</summary>
    public const string SetupActor = "setup-admin";
    /// <summary>What is shown for an ID no account has: never the ID itself.</summary>
    public const string Unknown = "（不明な職員）";

    /// <summary>Reads every account's user ID and display name once.</summary>
    public static async Task<StaffNames> LoadAsync(AnshinDbContext db, CancellationToken ct = default) =>
        new(await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.UserId, a => a.DisplayName, ct));

    /// <summary>The person's name; 「（不明な職員）」 for an ID no account has (never the ID itself).</summary>
    public string Of(string? userId) => userId switch
    {
        null or "" => "",
        SystemActor => "システム（自動処理）",
        SetupActor => "サーバでの初期設定",
        _ => names.TryGetValue(userId, out var name) ? name : Unknown,
    };

    /// <summary>Whether an account has this ID (the audit log names an unknown sign-in attempt as such).</summary>
    public bool Knows(string userId) => names.ContainsKey(userId);

    /// <summary>Everyone with an account, by name, for a filter.</summary>
    public IEnumerable<KeyValuePair<string, string>> All => names.OrderBy(n => n.Value, StringComparer.Ordinal);
}
