using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// T5 in SQL: who an alert goes to, the same test as <see cref="Subscriber.Wants"/> but run by the database, so a
/// fan-out to a million subscribers reads only the rows it sends to.
/// </summary>
internal static class SubscriberQueries
{
    /// <summary>Confirmed, active subscribers who chose <paramref name="categoryId"/> and one of
    /// <paramref name="areas"/>.</summary>
    public static IQueryable<Subscriber> Wanting(this IQueryable<Subscriber> subscribers, string categoryId,
        IReadOnlyCollection<string> areas) =>
        subscribers.Where(s => s.Confirmed && !s.Paused && !s.Suspended)
            .Where(JsonListFunctions.HoldsAnyOf<Subscriber>(s => s.Categories, [categoryId]))
            .Where(JsonListFunctions.HoldsAnyOf<Subscriber>(s => s.Areas, areas));

    /// <summary>The wanting subscribers with ids in [<paramref name="from"/>, <paramref name="to"/>], by id.</summary>
    public static IQueryable<Subscriber> WantingIn(this IQueryable<Subscriber> subscribers, Alert alert, long from,
        long to) =>
        subscribers.Where(s => s.Id >= from && s.Id <= to).Wanting(alert.CategoryId, alert.Areas).OrderBy(s => s.Id);
}
