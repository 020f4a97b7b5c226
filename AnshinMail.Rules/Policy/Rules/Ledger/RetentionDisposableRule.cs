using NRules.Fluent.Dsl;

namespace AnshinMail.Rules.Policy.Rules;

/// <summary>Y10: kept for the book's calendar years after the year of the record (暦年で1年): year N goes from 1 Jan
/// N+2.</summary>
[Name("Ledger entry disposable"), Tag("Y10")]
internal sealed class RetentionDisposableRule : Rule
{
    public override void Define()
    {
        PolicyContext policy = default!;
        Moment moment = default!;
        LedgerRecordFact entry = default!;
        When()
            .Match(() => policy)
            .Match(() => moment)
            .Match(() => entry, e => moment.LocalDate.Year >= e.Year + policy.Book.Retention.CalendarYears + 1);
        Then().Do(ctx => ctx.Insert(new DisposableDecision(entry.Id)));
    }
}
