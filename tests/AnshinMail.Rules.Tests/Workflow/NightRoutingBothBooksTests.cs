using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow.Requests;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Workflow;

/// <summary>T3(2) over both books of rules/: a distribution request goes to the division the writer names by day,
/// and to the book's duty desk while the book's duty system is in force, which forwards it to that division. A
/// Saturday is the duty desk's in Nagano and a working day in the sample book.</summary>
public sealed class NightRoutingBothBooksTests
{
    public static TheoryData<string> Books => BookCases.Both;

    private static Task<UnitRequest> File(WorkflowFixture f, string division) => f.Do(w =>
        new FileDistributionRequest(w).RunAsync(f.Book.Staff(),
            f.InputInBook(areas: [f.Book.FarArea]) with { DivisionInCharge = division }));

    private static string Division(BookCases b) => b.Book.Offices.SecurityManagerUnit;

    [Theory]
    [MemberData(nameof(Books))]
    public async Task T3_2_ByDay_TheNamedDivision_FromTheBooksEvening_TheDutyDeskWhichForwards(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        var desk = b.Book.Offices.DutyDeskUnit;
        var byDay = await File(f, Division(b));
        Assert.Equal(Division(b), byDay.ToUnitId);

        f.Clock.SetUtcNow(BookCases.On(2026, 11, 27, b.Book.DutySystem.WeekdayStart));
        var evening = await File(f, Division(b));
        Assert.Equal(desk, evening.ToUnitId);
        Assert.Equal(Division(b), evening.DivisionInCharge);
        var forwarded = await f.Do(w => new ForwardRequest(w).RunAsync(b.Staff(desk, "desk1"), evening.Id));
        Assert.Equal((Division(b), b.Station.Id, RequestStatus.Open),
            (forwarded.ToUnitId, forwarded.FromUnitId, forwarded.Status));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task T3_2_SaturdayNoon_GoesWhereTheBooksDutySystemSays(string name)
    {
        using var f = new WorkflowFixture(BookCases.Named(name));
        var b = f.Book;
        f.Clock.SetUtcNow(Jst(2026, 11, 28, 12));
        var saturdayIsDuty = b.Book.DutySystem.AllDayWeekdays.Contains(DayOfWeek.Saturday);
        Assert.Equal(name == "nagano", saturdayIsDuty);
        var request = await File(f, Division(b));
        Assert.Equal(saturdayIsDuty ? b.Book.Offices.DutyDeskUnit : Division(b), request.ToUnitId);
    }
}
