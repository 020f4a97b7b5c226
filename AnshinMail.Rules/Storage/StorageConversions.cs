using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// Instants are stored as UTC ticks: ordered and comparable in SQL on every provider (SQLite has no
/// DateTimeOffset type). They are shown in the policy book's local time by the callers.
/// </summary>
internal static class StorageConversions
{
    public static readonly ValueConverter<DateTimeOffset, long> Utc =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public static readonly ValueConverter<DateTimeOffset?, long?> NullableUtc =
        new(v => v.HasValue ? v.Value.UtcTicks : null,
            v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
}
