using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AnshinMail.Rules.Policy;

/// <summary>Y9.3: a fingerprint of everything an approval covers; any edit changes it.</summary>
public static class ContentHash
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(
        string categoryId, string unitId, string? requestingUnitId, AlertFields fields,
        IEnumerable<string> targetAreas, bool nearBorder, string? incidentArea, PhysicalHarm harm, Victim? victim)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            categoryId, unitId, requestingUnitId, fields,
            targetAreas = targetAreas.Order(StringComparer.Ordinal).ToArray(),
            nearBorder, incidentArea, harm = (int)harm, victim,
        }, Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
