using System.Buffers.Binary;
using System.Security.Cryptography;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// Confirmation links: subscriber id, expiry and a nonce, signed with HMAC-SHA256 under a key the
/// installation generates once and keeps in its database. Valid only until it expires and only once
/// (the nonce is stored and cleared when used).
/// </summary>
internal static class SubscriptionTokens
{
    private const string KeyName = "subscription-signing-key";

    public static async Task<byte[]> KeyAsync(AnshinDbContext db, CancellationToken ct)
    {
        if (await db.Settings.SingleOrDefaultAsync(s => s.Key == KeyName, ct) is { } existing)
            return Convert.FromBase64String(existing.Value);
        var key = RandomNumberGenerator.GetBytes(32);
        db.Settings.Add(new AppSetting { Key = KeyName, Value = Convert.ToBase64String(key) });
        await db.SaveChangesAsync(ct);
        return key;
    }

    public static string Create(byte[] key, long subscriberId, DateTimeOffset expires, string nonce)
    {
        var payload = new byte[16 + 16];
        BinaryPrimitives.WriteInt64BigEndian(payload, subscriberId);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(8), expires.ToUnixTimeSeconds());
        Convert.FromHexString(nonce).CopyTo(payload, 16);
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The id, expiry and nonce of a token whose signature is right; null otherwise.</summary>
    public static (long Id, DateTimeOffset Expires, string Nonce)? Read(byte[] key, string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { Length: 32 } payload || FromBase64Url(parts[1]) is not { } mac) return null;
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload))) return null;
        return (BinaryPrimitives.ReadInt64BigEndian(payload), DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(8))),
            Convert.ToHexStringLower(payload.AsSpan(16)));
    }

    /// <summary>A signed, expiring token that proves the holder received mail at <paramref name="email"/> (empty-mail registration).</summary>
    public static string CreateForAddress(byte[] key, string email, DateTimeOffset expires)
    {
        var address = System.Text.Encoding.UTF8.GetBytes(email);
        var payload = new byte[8 + address.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires.ToUnixTimeSeconds());
        address.CopyTo(payload, 8);
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    public static (string Email, DateTimeOffset Expires)? ReadForAddress(byte[] key, string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { Length: > 8 } payload || FromBase64Url(parts[1]) is not { } mac) return null;
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload))) return null;
        return (System.Text.Encoding.UTF8.GetString(payload.AsSpan(8)), DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload)));
    }

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The opaque personal token of a subscriber (List-Unsubscribe, settings link).</summary>
    public static string NewPersonalToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += new string('=', (4 - s.Length % 4) % 4);
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }
}
