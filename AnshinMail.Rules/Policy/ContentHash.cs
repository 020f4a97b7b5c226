using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AnshinMail.Rules.Policy;

/// <summary>Y9.3: a fingerprint of everything an approval covers; any edit changes it.</summary>
public static class ContentHash
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The SHA-256 fingerprint (hex) of the content an approval covers; any change to any argument changes
    /// it.</summary>
    public static string Of(
        string categoryId, string unitId, string? requestingUnitId, AlertFields fields,
        IEnumerable<string> targetAreas, bool nearBorder, string? incidentArea, PhysicalHarm harm, Victim? victim,
        string? harmReason = null)
    {
        var areas = targetAreas.Order(StringComparer.Ordinal).ToArray();
        // T4(2): the reason of an 「その他」 harm is covered too; without one the fingerprint is what it was before
        // the field existed, so approvals given earlier still hold.
        var canonical = string.IsNullOrEmpty(harmReason)
            ? JsonSerializer.Serialize(new
            {
                categoryId, unitId, requestingUnitId, fields, targetAreas = areas,
                nearBorder, incidentArea, harm = (int)harm, victim,
            }, Options)
            : JsonSerializer.Serialize(new
            {
                categoryId, unitId, requestingUnitId, fields, targetAreas = areas,
                nearBorder, incidentArea, harm = (int)harm, victim, harmReason,
            }, Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
