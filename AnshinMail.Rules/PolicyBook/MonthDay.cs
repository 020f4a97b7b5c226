using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>A day of the year without a year, written "MM-dd" (e.g. "12-29").</summary>
[JsonConverter(typeof(MonthDayJsonConverter))]
public readonly record struct MonthDay(int Month, int Day) : IComparable<MonthDay>
{
    public static MonthDay Of(DateOnly date) => new(date.Month, date.Day);

    public int CompareTo(MonthDay other) => (Month, Day).CompareTo((other.Month, other.Day));

    public static bool operator <(MonthDay a, MonthDay b) => a.CompareTo(b) < 0;
    public static bool operator >(MonthDay a, MonthDay b) => a.CompareTo(b) > 0;
    public static bool operator <=(MonthDay a, MonthDay b) => a.CompareTo(b) <= 0;
    public static bool operator >=(MonthDay a, MonthDay b) => a.CompareTo(b) >= 0;

    /// <summary>Whether <paramref name="date"/> falls in [from, to], wrapping over new year when from &gt;
    /// to.</summary>
    public static bool InRange(DateOnly date, MonthDay from, MonthDay to)
    {
        var d = Of(date);
        return from <= to ? d >= from && d <= to : d >= from || d <= to;
    }

    public override string ToString() => $"{Month:00}-{Day:00}";

    public static MonthDay Parse(string text)
    {
        // Year 2000 is a leap year, so "02-29" is accepted.
        if (DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d))
            return new MonthDay(d.Month, d.Day);
        throw new JsonException($"月日は MM-dd 形式で指定してください（'{text}'）。");
    }
}

internal sealed class MonthDayJsonConverter : JsonConverter<MonthDay>
{
    public override MonthDay Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MonthDay.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, MonthDay value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
