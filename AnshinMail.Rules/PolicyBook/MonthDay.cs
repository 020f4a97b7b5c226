using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>A day of the year without a year, written "MM-dd" (e.g. "12-29").</summary>
[JsonConverter(typeof(MonthDayJsonConverter))]
public readonly record struct MonthDay(int Month, int Day) : IComparable<MonthDay>
{
    /// <summary>The month and day of <paramref name="date"/>, without its year.</summary>
    public static MonthDay Of(DateOnly date) => new(date.Month, date.Day);

    /// <summary>Orders by month, then day, within one calendar year (no wrapping over new year).</summary>
    public int CompareTo(MonthDay other) => (Month, Day).CompareTo((other.Month, other.Day));

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/> in the calendar year.</summary>
    public static bool operator <(MonthDay a, MonthDay b) => a.CompareTo(b) < 0;
    /// <summary>Whether <paramref name="a"/> comes after <paramref name="b"/> in the calendar year.</summary>
    public static bool operator >(MonthDay a, MonthDay b) => a.CompareTo(b) > 0;
    /// <summary>Whether <paramref name="a"/> is the same day as, or comes before, <paramref name="b"/>.</summary>
    public static bool operator <=(MonthDay a, MonthDay b) => a.CompareTo(b) <= 0;
    /// <summary>Whether <paramref name="a"/> is the same day as, or comes after, <paramref name="b"/>.</summary>
    public static bool operator >=(MonthDay a, MonthDay b) => a.CompareTo(b) >= 0;

    /// <summary>Whether <paramref name="date"/> falls in [from, to], wrapping over new year when from &gt;
    /// to.</summary>
    public static bool InRange(DateOnly date, MonthDay from, MonthDay to)
    {
        var d = Of(date);
        return from <= to ? d >= from && d <= to : d >= from || d <= to;
    }

    /// <summary>The day as the book writes it, "MM-dd".</summary>
    public override string ToString() => $"{Month:00}-{Day:00}";

    /// <summary>Reads "MM-dd" (02-29 allowed); throws a <see cref="System.Text.Json.JsonException"/> with a Japanese
    /// message otherwise.</summary>
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
