using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

/// <summary>Portable column shapes: lists and small records as JSON text, instants as UTC ticks.</summary>
internal static class PropertyExtensions
{
    private static readonly JsonSerializerOptions Json =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyBuilder<List<string>> AsJsonList(this PropertyBuilder<List<string>> p, int maxLength = 4000)
    {
        p.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                t => JsonSerializer.Deserialize<List<string>>(t, Json) ?? new List<string>())
            .HasMaxLength(maxLength)
            .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                (x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)),
                v => v.ToList()));
        return p;
    }

    /// <summary>An immutable record stored as JSON (compared by value, so a new instance marks it changed).</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> p) where T : class
    {
        p.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                t => JsonSerializer.Deserialize<T>(t, Json)!)
            .Metadata.SetValueComparer(new ValueComparer<T>((x, y) => Equals(x, y), v => v.GetHashCode(), v => v));
        return p;
    }

    public static PropertyBuilder<DateTimeOffset> AsUtc(this PropertyBuilder<DateTimeOffset> p) =>
        p.HasConversion(StorageConversions.Utc);

    public static PropertyBuilder<DateTimeOffset?> AsUtc(this PropertyBuilder<DateTimeOffset?> p) =>
        p.HasConversion(StorageConversions.NullableUtc);

    public static PropertyBuilder<TEnum> AsText<TEnum>(this PropertyBuilder<TEnum> p) =>
        p.HasConversion<string>().HasMaxLength(32);
}
