using AnshinMail.Rules.Calendar;
using AnshinMail.Rules.Policy.Rules;
using AnshinMail.Rules.PolicyBooks;
using NRules;
using NRules.Fluent;

namespace AnshinMail.Rules.Policy;

/// <summary>
/// The policy, compiled once per book; each evaluation runs in a fresh session: facts in, verdict
/// out, no I/O and no clock. Thread-safe: the session factory is shared, sessions are not.
/// </summary>
public sealed class PolicyEngine
{
    private readonly ISessionFactory _factory;
    private readonly PolicyContext _context;

    /// <summary>Compiles the rules once for <paramref name="book"/>; build one engine per book and share it.</summary>
    public PolicyEngine(PolicyBook book)
    {
        Book = book;
        Calendar = new PolicyCalendar(book);
        _context = new PolicyContext(book);
        var repository = new RuleRepository();
        // The rules are internal (not part of the public API): the scan includes non-public rule classes.
        repository.Load(x => x.From(s => s
            .Assembly(typeof(CategoryVictimMismatchBlockRule).Assembly)
            .PrivateTypes()));
        _factory = repository.Compile();
    }

    /// <summary>The policy book the engine was built for.</summary>
    public PolicyBook Book { get; }
    /// <summary>The calendar of the book (holidays, sending hours, duty system).</summary>
    public PolicyCalendar Calendar { get; }

    /// <summary>Evaluates one case in a fresh rules session: the verdict with every finding and decision.</summary>
    public PolicyVerdict Evaluate(PolicyCase c)
    {
        var session = _factory.CreateSession();
        session.InsertAll(Facts(c));
        session.Fire();
        return Read(session);
    }

    private IEnumerable<object> Facts(PolicyCase c)
    {
        yield return _context;
        yield return new Intent(c.Stage);
        yield return new Actor(c.Actor);
        yield return MomentOf(c.At);
        yield return new Presence(c.Approval?.DistributorAbsent ?? c.DistributorAbsent);
        var optional = new object?[] { c.Draft, c.Approval, c.Emergency, c.FollowUp, c.Alert, c.Password,
            c.PasswordAge };
        foreach (var fact in optional.OfType<object>()) yield return fact;
        foreach (var entry in c.LedgerEntries) yield return entry;
    }

    /// <summary>The <see cref="Moment"/> fact of <paramref name="at"/>: its local time, whether sending hours are open,
    /// the next opening and the duty system.</summary>
    public Moment MomentOf(DateTimeOffset at) => new(
        at,
        Calendar.ToLocal(at),
        Calendar.SendingHours.Contains(at),
        Calendar.SendingHours.NextOpening(at),
        Calendar.DutySystem.IsInForce(at));

    /// <summary>Reads the session's facts once: ISession.Query is IQueryable, and composing LINQ on it
    /// compiles an expression tree per call (milliseconds), so it is enumerated as it is.</summary>
    private static PolicyVerdict Read(ISession session)
    {
        var facts = session.Query<object>().AsEnumerable().ToList();
        return new PolicyVerdict
        {
            Findings = facts.OfType<Finding>().OrderByDescending(f => f.Severity).ToList(),
            Regime = facts.OfType<RegimeDecision>().Single().Regime,
            Approver = facts.OfType<ApproverDecision>().FirstOrDefault(),
            Send = facts.OfType<SendDecision>().FirstOrDefault(),
            SendAreas = facts.OfType<SendAreasDecision>().FirstOrDefault()?.Areas ?? [],
            DistributionRequest = facts.OfType<DistributionRequestDecision>().FirstOrDefault(),
            ShareRequests = facts.OfType<ShareRequestDecision>().Select(d => d.ToUnit).ToList(),
            YahooRelayTo = facts.OfType<YahooRelayDecision>().FirstOrDefault()?.ToUnit,
            ResolutionOwed = facts.OfType<ResolutionOwedDecision>().Any(),
            PasswordExpired = facts.OfType<PasswordExpiredDecision>().FirstOrDefault(),
            Disposable = facts.OfType<DisposableDecision>().Select(d => d.EntryId).ToList(),
        };
    }
}
