using System.Collections.Concurrent;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Calendar;

/// <summary>
/// Japanese public holidays by 国民の祝日に関する法律 as amended, for 1980–2099: fixed days,
/// Happy-Monday days (2000/2003–), the equinox days, 振替休日 (Art. 3(2)) and 国民の休日 (Art. 3(3)).
/// One-off and moved days (2019 enthronement, 2020–2021 Olympics) come from the policy book's overrides.
/// </summary>
public sealed class PublicHolidays
{
    private readonly ILookup<int, HolidayOverride> _overrides;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> _years = new();

    /// <summary>The Holiday Act's days, with these additions and removals.</summary>
    public PublicHolidays(IEnumerable<HolidayOverride> overrides) =>
        _overrides = overrides.ToLookup(o => o.Date.Year);

    /// <summary>Whether <paramref name="date"/> is a public holiday (祝日, 振替休日 or 国民の休日).</summary>
    public bool IsHoliday(DateOnly date) => Of(date.Year).ContainsKey(date);

    /// <summary>The holiday's Japanese name, or null when <paramref name="date"/> is not one.</summary>
    public string? NameOf(DateOnly date) => Of(date.Year).GetValueOrDefault(date);

    /// <summary>Every holiday of <paramref name="year"/> with its name, computed once per year.</summary>
    public IReadOnlyDictionary<DateOnly, string> Of(int year) => _years.GetOrAdd(year, Compute);

    private IReadOnlyDictionary<DateOnly, string> Compute(int year)
    {
        if (year is < 1980 or > 2099)
            throw new ArgumentOutOfRangeException(nameof(year), year, "祝日の計算は1980年から2099年までに対応しています。");
        var days = HolidayLaw.NamedDays(year).ToDictionary(d => d.Date, d => d.Name);
        foreach (var o in _overrides[year])
        {
            if (o.Kind == HolidayOverrideKind.Add) days[o.Date] = o.Name;
            else days.Remove(o.Date);
        }
        AddSubstitutes(days, year);
        AddSandwiched(days, year);
        return days;
    }

    /// <summary>Art. 3(2): a holiday on Sunday moves to the next day that is not a holiday (before 2007:
    /// Monday).</summary>
    private static void AddSubstitutes(Dictionary<DateOnly, string> days, int year)
    {
        foreach (var sunday in days.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday).Order().ToList())
        {
            var next = sunday.AddDays(1);
            if (year >= 2007)
                while (days.ContainsKey(next)) next = next.AddDays(1);
            else if (days.ContainsKey(next))
                continue;
            if (next.Year == year) days.TryAdd(next, "振替休日");
        }
    }

    /// <summary>Art. 3(3): a day between two holidays that is not itself a holiday or a Sunday.</summary>
    private static void AddSandwiched(Dictionary<DateOnly, string> days, int year)
    {
        if (year < 1986) return;
        var between = days.Keys.Select(d => d.AddDays(1))
            .Where(d => !days.ContainsKey(d) && days.ContainsKey(d.AddDays(1)) && d.DayOfWeek != DayOfWeek.Sunday)
            .ToList();
        foreach (var d in between) days.TryAdd(d, "国民の休日");
    }
}
