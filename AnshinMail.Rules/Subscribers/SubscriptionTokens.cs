using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// What a signed link is for. It is part of what is signed, so that one kind never passes for another.
/// </summary>
internal enum LinkPurpose { Confirmation, Start, AddressChange }

/// <summary>
/// Confirmation links: subscriber id, expiry and a nonce, signed with HMAC-SHA256 under a key the
/// installation generates once and keeps in its database. Valid only until it expires and only once
/// (the nonce is stored and cleared when used). The signature covers the link's purpose too: a link of
/// one kind fed to the page of another is a wrong signature, whatever its length.
/// </summary>
internal static class SubscriptionTokens
{
    private const string KeyName = "subscription-signing-key";
    /// <summary>Far longer than any link this class makes; longer text is not even decoded.</summary>
    private const int MaxTokenLength = 1024;

    public static async Task<byte[]> KeyAsync(AnshinDbContext db, CancellationToken ct)
    {
        if (await db.Settings.SingleOrDefaultAsync(s => s.Key == KeyName, ct) is { } existing)
            return Convert.FromBase64String(existing.Value);
        var key = RandomNumberGenerator.GetBytes(32);
        db.Settings.Add(new AppSetting { Key = KeyName, Value = Convert.ToBase64String(key) });
        await db.SaveChangesAsync(ct);
        return key;
    }

    public static string Create(byte[] key, long subscriberId, DateTimeOffset expires, string nonce,
        LinkPurpose purpose = LinkPurpose.Confirmation)
    {
        var payload = new byte[16 + 16];
        BinaryPrimitives.WriteInt64BigEndian(payload, subscriberId);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(8), expires.ToUnixTimeSeconds());
        Convert.FromHexString(nonce).CopyTo(payload, 16);
        return Seal(key, purpose, payload);
    }

    /// <summary>The id, expiry and nonce of a confirmation (or address-change) token whose signature is right;
    /// null otherwise.</summary>
    public static (long Id, DateTimeOffset Expires, string Nonce)? Read(byte[] key, string token,
        LinkPurpose purpose = LinkPurpose.Confirmation)
    {
        if (Open(key, purpose, token) is not { Length: 32 } payload) return null;
        var id = BinaryPrimitives.ReadInt64BigEndian(payload);
        if (id <= 0 || Time(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(8))) is not { } expires) return null;
        return (id, expires, Convert.ToHexStringLower(payload.AsSpan(16)));
    }

    /// <summary>
    /// A signed, expiring start link (empty-mail registration). It names a <see cref="Storage.RegistrationLink"/>
    /// by its nonce: the row, not the link, says which address it is for and whether it is still unused.
    /// </summary>
    public static string CreateStart(byte[] key, string nonce, DateTimeOffset expires)
    {
        var payload = new byte[8 + 16];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires.ToUnixTimeSeconds());
        Convert.FromHexString(nonce).CopyTo(payload, 8);
        return Seal(key, LinkPurpose.Start, payload);
    }

    /// <summary>The nonce and expiry of a start link whose signature is right; null otherwise.</summary>
    public static (string Nonce, DateTimeOffset Expires)? ReadStart(byte[] key, string token)
    {
        if (Open(key, LinkPurpose.Start, token) is not { Length: 24 } payload) return null;
        if (Time(BinaryPrimitives.ReadInt64BigEndian(payload)) is not { } expires) return null;
        return (Convert.ToHexStringLower(payload.AsSpan(8)), expires);
    }

    /// <summary>payload.signature, the signature over the purpose and the payload.</summary>
    internal static string Seal(byte[] key, LinkPurpose purpose, byte[] payload) =>
        $"{Base64Url(payload)}.{Base64Url(Mac(key, purpose, payload))}";

    /// <summary>The payload of a token of this purpose whose signature is right; null for anything else.</summary>
    internal static byte[]? Open(byte[] key, LinkPurpose purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        var parts = token.Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { } payload || FromBase64Url(parts[1]) is not { } mac)
            return null;
        return CryptographicOperations.FixedTimeEquals(mac, Mac(key, purpose, payload)) ? payload : null;
    }

    private static byte[] Mac(byte[] key, LinkPurpose purpose, byte[] payload)
    {
        var label = Encoding.ASCII.GetBytes($"anshinmail/{purpose}\0");
        byte[] signed = [.. label, .. payload];
        return HMACSHA256.HashData(key, signed);
    }

    /// <summary>Unix seconds as an instant, when DateTimeOffset can hold them.</summary>
    private static DateTimeOffset? Time(long seconds) =>
        seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The opaque personal token of a subscriber (List-Unsubscribe, settings link).</summary>
    public static string NewPersonalToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += new string('=', (4 - s.Length % 4) % 4);
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }
}
