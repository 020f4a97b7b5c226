namespace AnshinMail.Rules.Policy;

/// <summary>The instant of the case with what the calendar says of it. The engine reads no clock: this is
/// given.</summary>
public sealed record Moment(
    DateTimeOffset At,
    DateTimeOffset Local,
    bool InsideSendingHours,
    DateTimeOffset NextOpening,
    bool DutySystem)
{
    /// <summary>The local calendar date of the instant.</summary>
    public DateOnly LocalDate => DateOnly.FromDateTime(Local.DateTime);
}
